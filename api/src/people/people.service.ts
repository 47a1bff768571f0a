import { ForbiddenException, Injectable } from '@nestjs/common';
import { PersonDetail, Role, rolesOf } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { AuthRepository, type Caller } from '../auth';
import { validationError } from '../common/errors';
import { conflictError, notFound, stateConflict } from '../common/http-errors';
import { OrganisationRepository, visibilityFor } from '../organisation';
import { CreatePersonDto, EndEmploymentDto, MovePersonDto, PEOPLE_PAGE_MAX, PeopleQueryDto, UpdatePersonDto } from './dto/people.dto';
import { PeoplePage, PeopleRepository, PersonChanges, PersonRecord } from './people.repository';
import { coversUnit, mayChangePerson } from './person-policy';

/** Who may list people: narrowed to their units, areas or (HR, administrator) the whole organisation. */
export const PEOPLE_LIST_ROLES = rolesOf('people.list');
/** Who may change people's records. Area managers follow their areas but do not change records. */
export const PEOPLE_WRITE_ROLES = rolesOf('people.create');

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly organisation: OrganisationRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  list(caller: Caller, query: PeopleQueryDto): Promise<PeoplePage> {
    const q = query.q?.trim();
    return this.people.list(caller.organisationId, visibilityFor(caller, PEOPLE_LIST_ROLES), {
      unitId: query.unitId ?? null,
      pattern: q ? `%${escapeLike(q)}%` : null,
      includeEnded: query.includeEnded ?? false,
      limit: query.limit ?? PEOPLE_PAGE_MAX,
      offset: query.offset ?? 0,
    });
  }

  /** The access guard has checked the caller may see this person. */
  /** Someone else's record is individual data: every such read is in the audit log. */
  async detail(caller: Caller, personId: string): Promise<PersonDetail> {
    const detail = await this.people.detail(caller.organisationId, personId);
    if (!detail) throw notFound();
    if (personId !== caller.personId) await this.audit.record({ action: 'person.read', targetType: 'person', targetId: personId });
    return { ...detail, roles: await this.auth.describeGrants(personId) };
  }

  async create(caller: Caller, body: CreatePersonDto): Promise<PersonDetail> {
    const unit = await this.organisation.unit(caller.organisationId, body.unitId);
    if (!unit) throw notFound();
    if (unit.closed) throw validationError([{ field: 'unitId', message: `Enheten ${unit.name} är stängd.` }]);
    await this.checkUnique(caller.organisationId, body.employeeNumber, body.email ?? null, null);
    const id = await this.people.insert({
      organisationId: caller.organisationId,
      employeeNumber: body.employeeNumber,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email ?? null,
      roleTitle: body.roleTitle,
      employmentType: body.employmentType,
      startDate: body.startDate,
      gender: body.gender ?? null,
      preferredLanguage: body.preferredLanguage ?? 'sv',
    });
    await this.people.insertMembership(caller.organisationId, id, unit.id, body.startDate, null);
    await this.audit.record({ action: 'person.created', targetType: 'person', targetId: id, details: { unitId: unit.id } });
    return this.detail(caller, id);
  }

  async update(caller: Caller, personId: string, body: UpdatePersonDto): Promise<PersonDetail> {
    const person = await this.lockForChange(caller, personId);
    const changes: PersonChanges = {};
    for (const key of Object.keys(body) as Array<keyof UpdatePersonDto>) {
      const value = body[key];
      if (value !== undefined && value !== person[key]) (changes as Record<string, unknown>)[key] = value;
    }
    await this.checkUnique(caller.organisationId, changes.employeeNumber ?? null, changes.email ?? null, personId);
    if (changes.startDate !== undefined) await this.moveStartDate(person, changes.startDate);
    await this.people.update(personId, changes);
    const changed = Object.keys(changes);
    if (changed.length > 0) {
      await this.audit.record({ action: 'person.updated', targetType: 'person', targetId: personId, details: { changed } });
    }
    return this.detail(caller, personId);
  }

  /**
   * Moves the person to another unit from `date`: the membership they leave ends the day before and a new one
   * opens, so the history stays. Repeating the same move changes nothing.
   */
  async move(caller: Caller, personId: string, body: MovePersonDto): Promise<PersonDetail> {
    const person = await this.lockForChange(caller, personId);
    const toUnit = await this.organisation.unit(caller.organisationId, body.toUnitId);
    if (!toUnit) throw notFound();
    if (!coversUnit(caller, toUnit.id)) throw new ForbiddenException('Du kan bara flytta personer till enheter du ansvarar för.');

    const memberships = await this.people.memberships(personId);
    if (memberships.some((m) => m.unitId === toUnit.id && m.startDate === body.date)) return this.detail(caller, personId);

    if (toUnit.closed) throw validationError([{ field: 'toUnitId', message: `Enheten ${toUnit.name} är stängd.` }]);
    if (body.date < person.startDate) {
      throw validationError([{ field: 'date', message: `Flytten kan inte ske före anställningens början (${person.startDate}).` }]);
    }
    if (person.endDate !== null && body.date > person.endDate) {
      throw validationError([{ field: 'date', message: `Anställningen slutar ${person.endDate}: flytten måste ske senast den dagen.` }]);
    }
    if (memberships.some((m) => m.startDate >= body.date)) {
      throw stateConflict('Personen har redan en ändring av enhet från det datumet eller senare. Ändra den först.', 'laterMembership');
    }
    // The memberships the person has on the day of the move (open the day before and still open that day).
    const open = memberships.filter((m) => m.startDate < body.date && (m.endDate === null || m.endDate >= body.date));
    let leaving = open;
    if (body.fromUnitId !== undefined) {
      leaving = open.filter((m) => m.unitId === body.fromUnitId);
      if (leaving.length === 0) {
        throw validationError([{ field: 'fromUnitId', message: 'Personen finns inte i den enheten på datumet för flytten.' }]);
      }
    } else if (open.length > 1) {
      throw validationError([{ field: 'fromUnitId', message: 'Personen finns i flera enheter. Välj vilken enhet personen flyttar från.' }]);
    }
    const from = leaving[0] ?? null;
    if (from && from.unitId === toUnit.id) {
      throw validationError([{ field: 'toUnitId', message: 'Personen finns redan i den enheten.' }]);
    }
    if (from && !coversUnit(caller, from.unitId)) {
      throw new ForbiddenException('Du kan bara flytta personer från enheter du ansvarar för.');
    }
    if (from) await this.people.endMembershipBefore(from.id, body.date);
    await this.people.insertMembership(caller.organisationId, personId, toUnit.id, body.date, person.endDate);
    await this.audit.record({
      action: 'person.moved',
      targetType: 'person',
      targetId: personId,
      details: { fromUnitId: from?.unitId ?? null, toUnitId: toUnit.id, date: body.date },
    });
    return this.detail(caller, personId);
  }

  /** Ends the employment (never deletes): memberships and roles end the same day. Repeating it changes nothing. */
  async end(caller: Caller, personId: string, body: EndEmploymentDto): Promise<PersonDetail> {
    const person = await this.lockForChange(caller, personId);
    if (person.endDate === body.endDate) return this.detail(caller, personId);
    if (person.endDate !== null) {
      throw stateConflict(`Anställningen är redan avslutad (sista dag ${person.endDate}).`, 'alreadyEnded');
    }
    if (body.endDate < person.startDate) {
      throw validationError([{ field: 'endDate', message: `Slutdatum kan inte vara före startdatum (${person.startDate}).` }]);
    }
    // The employment ends everywhere: a manager may end it only when every unit the person works in is theirs.
    const today = await this.people.today();
    const open = (await this.people.memberships(personId)).filter((m) => m.endDate === null || m.endDate >= today);
    if (open.some((m) => !coversUnit(caller, m.unitId))) {
      throw new ForbiddenException('Personen arbetar också i enheter du inte ansvarar för. Be HR eller en administratör.');
    }
    const grants = await this.people.currentAndFutureGrants(personId);
    if (grants.some((grant) => grant.role === Role.OrgAdmin)) {
      if ((await this.people.otherActiveAdministrators(caller.organisationId, personId)) === 0) {
        throw stateConflict('Personen är organisationens enda administratör. Utse en annan administratör först.', 'lastAdministrator');
      }
    }
    await this.people.endEmployment(personId, body.endDate);
    // From the day after the last day the person can no longer sign in; end any session and calendar feed at once (a
    // feed whose last day is still ahead stops answering the day after it, see the feed look-up).
    if (await this.people.hasEnded(personId)) {
      await this.auth.revokeAllSessions(personId);
      await this.people.revokeCalendarFeeds(personId);
    }
    await this.audit.record({ action: 'person.ended', targetType: 'person', targetId: personId, details: { endDate: body.endDate } });
    return this.detail(caller, personId);
  }

  /** Locks the person and checks the rules beyond the guard: not pseudonymised, and within a manager's reach. */
  async lockForChange(caller: Caller, personId: string, rule = mayChangePerson): Promise<PersonRecord> {
    const person = await this.people.lock(caller.organisationId, personId);
    if (!person) throw notFound();
    if (person.pseudonymised) throw stateConflict('Personen är avidentifierad och kan inte ändras.', 'pseudonymised');
    if (!rule(caller, await this.people.currentAndFutureGrants(personId))) {
      throw new ForbiddenException('Personen har roller utanför dina enheter. Be HR eller en administratör.');
    }
    return person;
  }

  private async checkUnique(organisationId: string, employeeNumber: string | null, email: string | null, exceptId: string | null): Promise<void> {
    if (employeeNumber !== null && (await this.people.employeeNumberTaken(organisationId, employeeNumber, exceptId))) {
      throw conflictError('employeeNumber', `Anställningsnumret ${employeeNumber} finns redan i organisationen.`);
    }
    if (email !== null && (await this.people.emailTaken(organisationId, email, exceptId))) {
      throw conflictError('email', `E-postadressen ${email} används redan av en annan person i organisationen.`);
    }
  }

  /** A new start date moves the first membership along when it began with the employment. */
  private async moveStartDate(person: PersonRecord, startDate: string): Promise<void> {
    if (person.endDate !== null && startDate > person.endDate) {
      throw validationError([{ field: 'startDate', message: `Startdatum kan inte vara efter slutdatum (${person.endDate}).` }]);
    }
    const first = (await this.people.memberships(person.id))[0];
    if (!first) return;
    if (first.startDate === person.startDate) {
      if (first.endDate !== null && first.endDate < startDate) {
        throw validationError([{ field: 'startDate', message: `Startdatum kan inte vara efter att personen lämnade sin första enhet (${first.endDate}).` }]);
      }
      await this.people.setMembershipStart(first.id, startDate);
    } else if (startDate > first.startDate) {
      throw validationError([{ field: 'startDate', message: `Startdatum kan inte vara efter första dagen i en enhet (${first.startDate}).` }]);
    }
  }
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
