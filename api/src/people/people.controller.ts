import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRoutes, PersonDetail, PersonSummary, TOTAL_COUNT_HEADER } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { CreatePersonDto, EndEmploymentDto, MovePersonDto, PeopleQueryDto, UpdatePersonDto } from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** Narrowed to the caller's units, areas or organisation; `unitId` (when given) is checked by the guard. */
  @Permit('people.list', { unit: 'query.unitId' })
  @Get(ApiRoutes.people.list)
  async list(@CallerParam() caller: Caller, @Query() query: PeopleQueryDto, @Res({ passthrough: true }) response: Response): Promise<PersonSummary[]> {
    const page = await this.people.list(caller, query);
    response.setHeader(TOTAL_COUNT_HEADER, String(page.total));
    return page.people;
  }

  /** The person themself, a manager of one of their current units, their area manager, HR, administrators. */
  @Permit('people.detail', { person: 'personId' })
  @Get(ApiRoutes.people.one)
  detail(@CallerParam() caller: Caller, @Param('personId') personId: string): Promise<PersonDetail> {
    return this.people.detail(caller, personId);
  }

  /** A manager adds people to their own units; HR and administrators to any unit. */
  @Permit('people.create', { unit: 'body.unitId' })
  @Post(ApiRoutes.people.list)
  create(@CallerParam() caller: Caller, @Body() body: CreatePersonDto): Promise<PersonDetail> {
    return this.people.create(caller, body);
  }

  @Permit('people.update', { person: 'personId' })
  @Patch(ApiRoutes.people.one)
  update(@CallerParam() caller: Caller, @Param('personId') personId: string, @Body() body: UpdatePersonDto): Promise<PersonDetail> {
    return this.people.update(caller, personId, body);
  }

  /** Needs scope over both units: the service checks the unit left and the unit joined. */
  @Permit('people.move', { person: 'personId' })
  @Post(ApiRoutes.people.move)
  @HttpCode(200)
  move(@CallerParam() caller: Caller, @Param('personId') personId: string, @Body() body: MovePersonDto): Promise<PersonDetail> {
    return this.people.move(caller, personId, body);
  }

  @Permit('people.end', { person: 'personId' })
  @Post(ApiRoutes.people.end)
  @HttpCode(200)
  end(@CallerParam() caller: Caller, @Param('personId') personId: string, @Body() body: EndEmploymentDto): Promise<PersonDetail> {
    return this.people.end(caller, personId, body);
  }
}
