import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, MyPersonalData, PersonalDataRetention, PseudonymiseResult } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { PersonalDataRetentionDto } from './dto/personal-data.dto';
import { PersonalDataService } from './personal-data.service';

/** Right of access (own data), retention for people who have left, and pseudonymisation. */
@ApiTags('personal-data')
@Controller()
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  /** Every API answer is `Cache-Control: no-store` (create-app.ts); this one is also audited as an export. */
  @Permit('personalData.mine')
  @Get(ApiRoutes.personalData.mine)
  mine(@CallerParam() caller: Caller): Promise<MyPersonalData> {
    return this.personalData.mine(caller);
  }

  @Permit('personalData.retention')
  @Get(ApiRoutes.personalData.retention)
  retention(@CallerParam() caller: Caller): Promise<PersonalDataRetention> {
    return this.personalData.retention(caller);
  }

  @Permit('personalData.setRetention')
  @Put(ApiRoutes.personalData.retention)
  setRetention(@CallerParam() caller: Caller, @Body() body: PersonalDataRetentionDto): Promise<PersonalDataRetention> {
    return this.personalData.setRetention(caller, body.retentionMonths);
  }

  @Permit('personalData.pseudonymise', { person: 'personId' })
  @Post(ApiRoutes.personalData.pseudonymise)
  @HttpCode(200)
  pseudonymise(@CallerParam() caller: Caller, @Param('personId') personId: string): Promise<PseudonymiseResult> {
    return this.personalData.pseudonymiseNow(caller, personId);
  }
}
