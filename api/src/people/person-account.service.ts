import { Injectable } from '@nestjs/common';
import { OneTimeCredential, PersonDetail } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { AuthRepository, AuthService, type Caller } from '../auth';
import { conflictError, stateConflict } from '../common/http-errors';
import { IssueOneTimeCodeDto } from './dto/people.dto';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { mayIssueCode } from './person-policy';

/** Accounts of people: one-time sign-in codes from a manager or administrator, and disabling an account. */
@Injectable()
export class PersonAccountService {
  constructor(
    private readonly peopleService: PeopleService,
    private readonly people: PeopleRepository,
    private readonly authService: AuthService,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A code the person redeems at `/api/auth/redeem` to set a password: for staff without e-mail (first sign-in)
   * or a forgotten password. Shown once; only its hash is stored, and a new code replaces an unused one.
   */
  async issueCode(caller: Caller, personId: string, body: IssueOneTimeCodeDto): Promise<OneTimeCredential> {
    const person = await this.peopleService.lockForChange(caller, personId, mayIssueCode);
    if (await this.people.hasEnded(personId)) {
      throw stateConflict('Anställningen har avslutats. Personen kan inte få någon inloggningskod.', 'ended');
    }
    if (person.disabled) throw stateConflict('Kontot är spärrat. En administratör kan häva spärren.', 'disabled');
    if (body.purpose === 'first_sign_in' && person.hasAccount) {
      throw conflictError('purpose', 'Personen har redan ett konto. Välj en kod för nytt lösenord.');
    }
    if (body.purpose === 'password_reset' && !person.hasAccount) {
      throw conflictError('purpose', 'Personen har inget konto än. Välj en kod för första inloggningen.');
    }
    return this.authService.issueOneTimeCode(personId, caller.organisationId, body.purpose, caller);
  }

  /** Disables the account and ends every session and calendar feed of the person at once. Repeating it changes nothing. */
  async disable(caller: Caller, personId: string): Promise<PersonDetail> {
    if (personId === caller.personId) throw stateConflict('Du kan inte spärra ditt eget konto.', 'self');
    await this.peopleService.lockForChange(caller, personId);
    const changed = await this.people.setDisabled(personId, true);
    await this.auth.revokeAllSessions(personId);
    // A calendar feed answers without a session: it ends too (enabling the account again does not bring it back).
    await this.people.revokeCalendarFeeds(personId);
    if (changed) await this.audit.record({ action: 'person.disabled', targetType: 'person', targetId: personId });
    return this.peopleService.detail(caller, personId);
  }

  async enable(caller: Caller, personId: string): Promise<PersonDetail> {
    await this.peopleService.lockForChange(caller, personId);
    const changed = await this.people.setDisabled(personId, false);
    if (changed) await this.audit.record({ action: 'person.enabled', targetType: 'person', targetId: personId });
    return this.peopleService.detail(caller, personId);
  }
}
