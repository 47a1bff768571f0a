import { Injectable, Logger } from '@nestjs/common';
import { MyPersonalData, PersonalDataRetention, PseudonymiseResult } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { AuthRepository, type Caller, keysOfPerson } from '../auth';
import { Db } from '../database/db';
import { localToday } from '../database/local-day';
import { notFound, stateConflict } from '../common/http-errors';
import { PersonalDataRepository } from './personal-data.repository';

/** A person's own copy of their data, the organisation's retention for people who have left, and pseudonymisation. */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger(PersonalDataService.name);

  constructor(
    private readonly repository: PersonalDataRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
    private readonly auth: AuthRepository,
  ) {}

  async mine(caller: Caller): Promise<MyPersonalData> {
    const id = caller.personId;
    const profile = await this.repository.profile(id);
    const identity = await this.repository.signInIdentity(id);
    if (!profile || !identity) throw notFound();
    const data: MyPersonalData = {
      exportedAt: new Date().toISOString(),
      profile,
      account: { ...(await this.repository.account(id)), signInFailures: await this.auth.throttleEntries(keysOfPerson(identity)) },
      memberships: await this.repository.memberships(id),
      roles: await this.repository.roles(id),
      ambassadorAppointments: await this.repository.appointments(id),
      qualifications: await this.repository.qualifications(id),
      sessionsInvited: await this.repository.sessionsInvited(id),
      sessionsLed: await this.repository.sessionsLed(id),
      attendance: await this.repository.attendance(id),
      attendanceHistory: await this.repository.attendanceHistory(id),
      participation: await this.repository.participation(id),
      checkResponses: await this.repository.checkResponses(id),
      supportReceived: await this.repository.supportReceived(id),
      notifications: await this.repository.notifications(id),
      emails: await this.repository.emails(id),
      calendarFeeds: await this.repository.calendarFeeds(id),
      auditEntries: await this.repository.auditEntries(id),
    };
    // Written after the read, so the copy does not contain its own export entry twice over time.
    await this.audit.record({ action: 'personal_data.exported', targetType: 'person', targetId: id });
    return data;
  }

  async retention(caller: Caller): Promise<PersonalDataRetention> {
    return { retentionMonths: await this.repository.retentionMonths(caller.organisationId) };
  }

  async setRetention(caller: Caller, retentionMonths: number | null): Promise<PersonalDataRetention> {
    const before = await this.repository.retentionMonths(caller.organisationId);
    await this.repository.setRetentionMonths(caller.organisationId, retentionMonths, caller.personId);
    if (before !== retentionMonths) {
      await this.audit.record({
        action: 'personal_data.retention_changed',
        targetType: 'organisation',
        targetId: caller.organisationId,
        details: { from: before, to: retentionMonths },
      });
    }
    return { retentionMonths };
  }

  /** An administrator pseudonymises someone who has left, now. Repeating it changes nothing and logs nothing. */
  async pseudonymiseNow(caller: Caller, personId: string): Promise<PseudonymiseResult> {
    if (personId === caller.personId) throw stateConflict('Du kan inte avidentifiera dig själv.', 'self');
    const person = await this.repository.personForPseudonymisation(personId);
    if (!person || person.organisationId !== caller.organisationId) throw notFound();
    if (!person.pseudonymised && !hasLeft(person.endDate)) {
      throw stateConflict('Bara personer vars anställning har upphört kan avidentifieras. Avsluta anställningen först.', 'employed');
    }
    const result = await this.pseudonymise(personId);
    if (result.changed) {
      await this.audit.record({ action: 'person.pseudonymised', targetType: 'person', targetId: personId, details: { reason: 'admin' } });
    }
    return result;
  }

  /** Pseudonymises, and forgets the sign-in failures counted under the identifiers that are removed. */
  private async pseudonymise(personId: string): Promise<PseudonymiseResult> {
    const identity = await this.repository.signInIdentity(personId);
    const result = await this.repository.pseudonymise(personId);
    if (result.changed && identity) await this.auth.clearThrottle(keysOfPerson(identity));
    return result;
  }

  /**
   * The recurring retention job: in each organisation with a retention set, everyone whose employment ended longer
   * ago than that is pseudonymised, in that organisation's tenant (row-level security keeps the others out of reach).
   * Organisations without a retention follow their archive decision by hand; nothing happens to them.
   */
  async applyRetention(): Promise<number> {
    const pseudonymised = await this.db.perOrganisation(async (organisation) => {
      const months = await this.repository.retentionMonths(organisation.id);
      if (months === null) return 0;
      const due = await this.repository.dueForPseudonymisation(organisation.id, months);
      for (const personId of due) {
        const result = await this.pseudonymise(personId);
        if (result.changed) {
          await this.audit.record({
            action: 'person.pseudonymised',
            organisationId: organisation.id,
            actorPersonId: null,
            targetType: 'person',
            targetId: personId,
            details: { reason: 'retention', retentionMonths: months },
          });
        }
      }
      return due.length;
    });
    const total = pseudonymised.reduce((sum, count) => sum + count, 0);
    if (total > 0) this.logger.log(`Retention: pseudonymised ${total} people who left`);
    return total;
  }
}

/** The employment's last day has passed (Swedish calendar day). */
function hasLeft(endDate: string | null): boolean {
  if (!endDate) return false;
  return endDate < localToday();
}
