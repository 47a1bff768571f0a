import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, OneTimeCredential, PersonDetail } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { IssueOneTimeCodeDto } from './dto/people.dto';
import { PersonAccountService } from './person-account.service';

@ApiTags('people')
@Controller()
export class PersonAccountController {
  constructor(private readonly accounts: PersonAccountService) {}

  /** A manager for people now in their unit (with no roles beyond it), an administrator for anyone. Shown once. */
  @Permit('personAccount.issueCode', { person: 'personId' })
  @Post(ApiRoutes.people.oneTimeCode)
  issueCode(@CallerParam() caller: Caller, @Param('personId') personId: string, @Body() body: IssueOneTimeCodeDto): Promise<OneTimeCredential> {
    return this.accounts.issueCode(caller, personId, body);
  }

  @Permit('personAccount.disable', { person: 'personId' })
  @Post(ApiRoutes.people.disable)
  @HttpCode(200)
  disable(@CallerParam() caller: Caller, @Param('personId') personId: string): Promise<PersonDetail> {
    return this.accounts.disable(caller, personId);
  }

  @Permit('personAccount.enable', { person: 'personId' })
  @Post(ApiRoutes.people.enable)
  @HttpCode(200)
  enable(@CallerParam() caller: Caller, @Param('personId') personId: string): Promise<PersonDetail> {
    return this.accounts.enable(caller, personId);
  }
}
