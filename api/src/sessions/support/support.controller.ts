import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, SupportEntry } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { SupportService } from './support.service';
import { CreateSupportEntryDto, SupportListQueryDto } from './support.dto';

@ApiTags('sessions')
@Controller()
export class SupportController {
  constructor(private readonly support: SupportService) {}

  /** Everyone sees support they received; the unit's readers see the unit's entries (notes for ambassadors only). */
  @Permit('participation.supportEntries')
  @Get(ApiRoutes.sessions.support)
  supportEntries(@CallerParam() caller: Caller, @Query() query: SupportListQueryDto): Promise<SupportEntry[]> {
    return this.support.list(caller, query);
  }

  @Permit('participation.logSupport', { unit: 'body.unitId' })
  @Post(ApiRoutes.sessions.support)
  logSupport(@CallerParam() caller: Caller, @Body() body: CreateSupportEntryDto): Promise<SupportEntry> {
    return this.support.create(caller, body);
  }
}
