import { Injectable } from '@nestjs/common';
import {
  AllocationKind,
  AmbassadorAppointment,
  AmbassadorQualification,
  AmbassadorReach,
  AmbassadorWorkload,
  COVERAGE_LEAVING_DAYS,
  CoverageFlag,
  CoverageTotals,
  FieldError,
  MyAmbassadorOverview,
  NetworkCoverage,
  NetworkReach,
  QualificationSource,
  Role,
  UnitCoverage,
} from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { addDays } from '../database/local-day';
import { type Caller, scopeFilter } from '../auth';
import { validationError } from '../common/errors';
import { visibilityFor } from '../organisation';
import type { ProgramCompletion } from '../sessions';
import { forbidden, notFound, stateConflict } from '../common/http-errors';
import { COVERAGE_ROLES, mayAppoint } from './ambassador-policy';
import { AmbassadorsRepository, CoverageRow } from './ambassadors.repository';
import { computeReach, computeWorkload, daysInMonth, ReachAmbassador } from './reach';
import {
  AppointmentListQueryDto,
  CreateAppointmentDto,
  CreateQualificationDto,
  QualificationListQueryDto,
  RenewQualificationDto,
  UpdateAppointmentDto,
} from './dto/ambassadors.dto';

const ALLOCATION_MAX: Record<AllocationKind, number> = { [AllocationKind.HoursPerMonth]: 200, [AllocationKind.Percent]: 100 };

/**
 * Ambassadors (digitaliseringsombud): appointments with units, time allocation and period; qualifications to
 * deliver modules; coverage per unit. Reach, the cascade of who trained whom and workload against the allocation
 * are computed from sessions and attendance (the session feature).
 */
@Injectable()
export class AmbassadorsService {
  constructor(
    private readonly repository: AmbassadorsRepository,
    private readonly audit: AuditService,
  ) {}

  // --- appointments ---

  appointments(caller: Caller, query: AppointmentListQueryDto): Promise<AmbassadorAppointment[]> {
    return this.repository.appointments(caller.organisationId, visibilityFor(caller, COVERAGE_ROLES), {
      unitId: query.unitId,
      personId: query.personId,
      includeEnded: query.includeEnded === 'true',
    });
  }

  async appointment(appointmentId: string): Promise<AmbassadorAppointment> {
    const appointment = await this.repository.appointment(appointmentId);
    if (!appointment) throw notFound();
    return appointment;
  }

  /**
   * Appoints an ambassador for one or more units. The appointment gives the person the ambassador role on each unit
   * for its period (an existing grant there is reused; a grant it creates ends with it).
   */
  async appoint(caller: Caller, body: CreateAppointmentDto): Promise<AmbassadorAppointment> {
    const units = await this.repository.units(body.unitIds);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    // Another organisation's unit does not exist for the caller.
    if (body.unitIds.some((id) => byId.get(id)?.organisationId !== caller.organisationId)) throw notFound();
    const closed = body.unitIds.findIndex((id) => byId.get(id)?.closed);
    if (closed >= 0) throw validationError([{ field: `unitIds.${closed}`, message: 'Enheten är stängd.' }]);
    if (!body.unitIds.every((id) => mayAppoint(caller, id, body.personId))) {
      throw forbidden('Du får inte utse ombud för den här enheten eller personen.');
    }
    const person = await this.repository.person(body.personId);
    if (!person || person.organisationId !== caller.organisationId) throw notFound();
    if (person.pseudonymised) throw stateConflict('Personen är avidentifierad.', 'pseudonymised');

    const today = await this.repository.today();
    const endDate = body.endDate !== undefined && body.endDate !== null ? body.endDate : person.endDate;
    const errors = this.checkAllocation(body.allocationKind, body.allocationValue);
    if (person.endDate !== null && body.startDate > person.endDate) {
      throw stateConflict(`Anställningen slutar ${person.endDate}: uppdraget kan inte börja efter det.`, 'ended');
    }
    errors.push(...this.checkEndDate(endDate, body.startDate, today, person.endDate));
    if (errors.length > 0) throw validationError(errors);

    const overlapping = await this.repository.overlappingAppointments(body.personId, body.unitIds, body.startDate, endDate, null);
    const same = overlapping.find(
      (existing) =>
        existing.startDate === body.startDate &&
        existing.endDate === endDate &&
        existing.allocationKind === body.allocationKind &&
        existing.allocationValue === body.allocationValue &&
        sameSet(existing.unitIds, body.unitIds),
    );
    // The same request again (a retry) returns the appointment it made; anything else would overlap.
    if (same) return this.appointment(same.id);
    if (overlapping.length > 0) {
      throw stateConflict(`Personen är redan ombud för enheten under den tiden (från ${overlapping[0].startDate}).`, 'overlapping', {
        appointmentId: overlapping[0].id,
      });
    }

    const appointmentId = await this.repository.insertAppointment({
      organisationId: caller.organisationId,
      personId: body.personId,
      allocationKind: body.allocationKind,
      allocationValue: body.allocationValue,
      startDate: body.startDate,
      endDate,
      note: body.note ?? null,
      createdBy: caller.personId,
    });
    const grants: Array<{ unitId: string; roleAssignmentId: string; created: boolean }> = [];
    for (const unitId of body.unitIds) {
      const existing = await this.repository.overlappingGrant(body.personId, unitId, body.startDate, endDate);
      const roleAssignmentId =
        existing ??
        (await this.repository.insertGrant({
          organisationId: caller.organisationId,
          personId: body.personId,
          unitId,
          startDate: body.startDate,
          endDate,
          createdBy: caller.personId,
        }));
      await this.repository.linkUnit({ appointmentId, unitId, organisationId: caller.organisationId, roleAssignmentId, grantCreated: !existing });
      grants.push({ unitId, roleAssignmentId, created: !existing });
      if (!existing) {
        await this.audit.record({
          action: 'role.assigned',
          targetType: 'person',
          targetId: body.personId,
          details: { roleAssignmentId, role: Role.Ambassador, scopeType: 'unit', scopeId: unitId, startDate: body.startDate, endDate, appointmentId },
        });
      }
    }
    await this.audit.record({
      action: 'ambassador.appointed',
      targetType: 'person',
      targetId: body.personId,
      details: {
        appointmentId,
        unitIds: body.unitIds,
        allocationKind: body.allocationKind,
        allocationValue: body.allocationValue,
        startDate: body.startDate,
        endDate,
        grants,
      },
    });
    return this.appointment(appointmentId);
  }

  /** Changes the allocation, the end date (the grants the appointment made follow it) or the note. */
  async updateAppointment(caller: Caller, appointmentId: string, body: UpdateAppointmentDto): Promise<AmbassadorAppointment> {
    const current = await this.repository.appointmentRow(appointmentId, true);
    if (!current) throw notFound();
    const person = await this.repository.person(current.personId);
    if (!person) throw notFound();
    const allocationKind = body.allocationKind ?? current.allocationKind;
    const allocationValue = body.allocationValue ?? current.allocationValue;
    const endDate = body.endDate === undefined ? current.endDate : body.endDate;
    const today = await this.repository.today();
    const errors = this.checkAllocation(allocationKind, allocationValue);
    if (body.endDate !== undefined) errors.push(...this.checkEndDate(endDate, current.startDate, today, person.endDate));
    if (errors.length > 0) throw validationError(errors);
    if (endDate !== current.endDate) {
      const overlapping = await this.repository.overlappingAppointments(current.personId, current.unitIds, current.startDate, endDate, current.id);
      if (overlapping.length > 0) {
        throw stateConflict(`Uppdraget skulle överlappa ett annat uppdrag från ${overlapping[0].startDate}.`, 'overlapping', {
          appointmentId: overlapping[0].id,
        });
      }
    }
    await this.repository.updateAppointment(appointmentId, { allocationKind, allocationValue, endDate, note: body.note }, caller.personId);
    if (endDate !== current.endDate) await this.repository.setGrantsEnd(current.createdGrantIds, endDate);
    await this.audit.record({
      action: 'ambassador.appointment_updated',
      targetType: 'person',
      targetId: current.personId,
      details: {
        appointmentId,
        before: { allocationKind: current.allocationKind, allocationValue: current.allocationValue, endDate: current.endDate },
        after: { allocationKind, allocationValue, endDate },
      },
    });
    return this.appointment(appointmentId);
  }

  // --- qualifications ---

  qualifications(caller: Caller, query: QualificationListQueryDto): Promise<AmbassadorQualification[]> {
    return this.repository.qualifications(caller.organisationId, visibilityFor(caller, COVERAGE_ROLES), {
      unitId: query.unitId,
      personId: query.personId,
      moduleId: query.moduleId,
      includeInactive: query.includeInactive === 'true',
    });
  }

  /** HR or an administrator qualifies a person to deliver a module (explicitly, without the training program). */
  async qualify(caller: Caller, body: CreateQualificationDto): Promise<AmbassadorQualification> {
    const person = await this.repository.person(body.personId);
    if (!person || person.organisationId !== caller.organisationId) throw notFound();
    if (person.pseudonymised) throw stateConflict('Personen är avidentifierad.', 'pseudonymised');
    const module = await this.repository.usableModule(body.moduleId, caller.networkId, caller.organisationId);
    if (!module) throw notFound();
    if (module.archived) throw stateConflict('Modulen är arkiverad.', 'archived');
    if (!module.published) throw stateConflict('Modulen är inte publicerad än.', 'not_published');

    const today = await this.repository.today();
    const validFrom = body.validFrom ?? today;
    const validUntil = body.validUntil ?? null;
    const errors: FieldError[] = [];
    if (validUntil !== null && validUntil < validFrom) errors.push({ field: 'validUntil', message: 'Gäller till kan inte vara före gäller från.' });
    else if (validUntil !== null && validUntil < today) errors.push({ field: 'validUntil', message: 'Gäller till har redan passerat.' });
    if (person.endDate !== null && validFrom > person.endDate) {
      errors.push({ field: 'validFrom', message: `Anställningen slutar ${person.endDate}.` });
    }
    if (errors.length > 0) throw validationError(errors);

    const existing = await this.repository.overlappingQualification(body.personId, body.moduleId, validFrom, validUntil);
    if (existing) {
      if (existing.validFrom === validFrom && existing.validUntil === validUntil && existing.source === QualificationSource.Explicit) {
        return this.mustQualification(existing.id);
      }
      throw stateConflict('Personen är redan behörig att leda modulen under den tiden. Förnya behörigheten i stället.', 'already_qualified', {
        qualificationId: existing.id,
      });
    }
    const id = await this.repository.insertQualification({
      organisationId: caller.organisationId,
      personId: body.personId,
      moduleId: body.moduleId,
      source: QualificationSource.Explicit,
      programId: null,
      validFrom,
      validUntil,
      renewsId: null,
      note: body.note ?? null,
      createdBy: caller.personId,
    });
    await this.audit.record({
      action: 'ambassador.qualified',
      targetType: 'person',
      targetId: body.personId,
      details: { qualificationId: id, moduleId: body.moduleId, validFrom, validUntil },
    });
    return this.mustQualification(id);
  }

  /**
   * Renews a qualification that has an end: a new qualification continues from the day after the old one ends (or
   * from today when it has already expired), so the history of when the person was qualified stays true.
   */
  async renew(caller: Caller, qualificationId: string, body: RenewQualificationDto): Promise<AmbassadorQualification> {
    const current = await this.repository.qualificationRow(qualificationId, true);
    if (!current) throw notFound();
    if (current.revoked) throw stateConflict('Behörigheten är återkallad. Ge en ny behörighet i stället.', 'revoked');
    if (current.validUntil === null) throw stateConflict('Behörigheten gäller tills vidare och behöver inte förnyas.', 'no_expiry');
    const renewal = await this.repository.renewalOf(qualificationId);
    if (renewal) {
      if (renewal.validUntil === body.validUntil) return this.mustQualification(renewal.id);
      throw stateConflict('Behörigheten är redan förnyad.', 'already_renewed', { qualificationId: renewal.id });
    }
    const today = await this.repository.today();
    const validFrom = current.validUntil < today ? today : addDays(current.validUntil, 1);
    if (body.validUntil !== null && body.validUntil < validFrom) {
      throw validationError([{ field: 'validUntil', message: `Den förnyade behörigheten börjar ${validFrom}: gäller till kan inte vara före det.` }]);
    }
    const id = await this.repository.insertQualification({
      organisationId: current.organisationId,
      personId: current.personId,
      moduleId: current.moduleId,
      source: QualificationSource.Explicit,
      programId: null,
      validFrom,
      validUntil: body.validUntil,
      renewsId: current.id,
      note: body.note ?? null,
      createdBy: caller.personId,
    });
    await this.audit.record({
      action: 'ambassador.qualification_renewed',
      targetType: 'person',
      targetId: current.personId,
      details: { qualificationId: id, renewsId: current.id, moduleId: current.moduleId, validFrom, validUntil: body.validUntil },
    });
    return this.mustQualification(id);
  }

  /** Revokes at once; revoking again changes nothing. */
  async revoke(caller: Caller, qualificationId: string, reason: string): Promise<AmbassadorQualification> {
    const current = await this.repository.qualificationRow(qualificationId, true);
    if (!current) throw notFound();
    if (!current.revoked) {
      await this.repository.revokeQualification(qualificationId, reason, caller.personId);
      await this.audit.record({
        action: 'ambassador.qualification_revoked',
        targetType: 'person',
        targetId: current.personId,
        details: { qualificationId, moduleId: current.moduleId, reason },
      });
    }
    return this.mustQualification(qualificationId);
  }

  // --- coverage ---

  async coverage(caller: Caller, unitId: string | null): Promise<UnitCoverage[]> {
    const rows = await this.repository.coverage(caller.organisationId, visibilityFor(caller, COVERAGE_ROLES), unitId);
    const today = await this.repository.today();
    return rows.map((row) => toCoverage(row, addDays(today, COVERAGE_LEAVING_DAYS)));
  }

  /** The units `coverage` answers, together: staff (staff.sql.ts) and active ambassadors each counted once. */
  async coverageTotals(caller: Caller, unitId: string | null): Promise<CoverageTotals> {
    const rows = await this.repository.coverage(caller.organisationId, visibilityFor(caller, COVERAGE_ROLES), unitId);
    const staffCount = await this.repository.staffOfUnits(rows.map((row) => row.unitId));
    const activeAmbassadors = new Set(rows.flatMap((row) => row.ambassadors.map((ambassador) => ambassador.personId))).size;
    return { staffCount, activeAmbassadors, staffPerAmbassador: activeAmbassadors > 0 ? Math.round((staffCount / activeAmbassadors) * 10) / 10 : null };
  }

  networkCoverage(caller: Caller): Promise<NetworkCoverage[]> {
    return this.repository.networkCoverage(scopeFilter(caller, [Role.NetworkCoordinator]).networkIds);
  }

  networkReach(caller: Caller): Promise<NetworkReach[]> {
    return this.repository.networkReach(scopeFilter(caller, [Role.NetworkCoordinator]).networkIds);
  }

  async mine(caller: Caller): Promise<MyAmbassadorOverview> {
    return {
      appointments: await this.repository.ownAppointments(caller.personId),
      qualifications: await this.repository.ownQualifications(caller.personId),
    };
  }

  /**
   * A trainee completed an ambassador training program (attendance at every step; the sessions feature's
   * AttendanceRecorded, heard by AmbassadorsListeners), so they are qualified for the modules the program names, from
   * the day of the last step. A module they are already qualified for on that day is left as it is, so recording
   * attendance again changes nothing.
   */
  async qualifyFromProgram(organisationId: string, completion: ProgramCompletion): Promise<void> {
    const { personId, programId, completedOn: validFrom } = completion;
    for (const moduleId of completion.qualifiesModuleIds) {
      if (await this.repository.overlappingQualification(personId, moduleId, validFrom, null)) continue;
      const id = await this.repository.insertQualification({
        organisationId,
        personId,
        moduleId,
        source: QualificationSource.Program,
        programId,
        validFrom,
        validUntil: null,
        renewsId: null,
        note: null,
        createdBy: null,
      });
      await this.audit.record({
        action: 'ambassador.qualified',
        organisationId,
        targetType: 'person',
        targetId: personId,
        details: { qualificationId: id, moduleId, programId, validFrom, source: QualificationSource.Program },
      });
    }
  }

  /** Each ambassador in the caller's scope (appointed for one of its units, now or before): who trained them and their reach. */
  async reach(caller: Caller, unitId: string | null): Promise<AmbassadorReach[]> {
    const ambassadors = byPerson(
      await this.repository.appointments(caller.organisationId, visibilityFor(caller, COVERAGE_ROLES), { unitId: unitId ?? undefined, includeEnded: true }),
    );
    const personIds = ambassadors.map((entry) => entry.person.id);
    const sessions = await this.repository.facilitatedSessions(caller.organisationId, personIds);
    const attended = await this.repository.attendedPeople([...new Set(sessions.filter((session) => session.delivered).map((session) => session.sessionId))]);
    const trainers = await this.repository.trainersOf(caller.organisationId, personIds);
    return computeReach(ambassadors, sessions, attended, trainers);
  }

  /** Each ambassador with an appointment in force some day of the month: hours against the allocation. */
  async workload(caller: Caller, unitId: string | null, month: string | null): Promise<AmbassadorWorkload[]> {
    const chosen = month ?? (await this.repository.today()).slice(0, 7);
    const from = `${chosen}-01`;
    const to = `${chosen}-${String(daysInMonth(chosen)).padStart(2, '0')}`;
    const appointments = (
      await this.repository.appointments(caller.organisationId, visibilityFor(caller, COVERAGE_ROLES), { unitId: unitId ?? undefined, includeEnded: true })
    ).filter((appointment) => appointment.startDate <= to && (appointment.endDate === null || appointment.endDate >= from));
    const people = byPerson(appointments);
    const minutes = await this.repository.workloadMinutes(
      caller.organisationId,
      people.map((entry) => entry.person.id),
      from,
      to,
    );
    return people.map((entry) => {
      const own = appointments.filter((appointment) => appointment.person.id === entry.person.id);
      const done = minutes.get(entry.person.id) ?? { delivered: 0, planned: 0, support: 0 };
      return computeWorkload(
        {
          appointmentId: own[0].id,
          person: entry.person,
          units: entry.units,
          allocations: own.map((appointment) => ({
            allocationKind: appointment.allocationKind,
            allocationValue: appointment.allocationValue,
            startDate: appointment.startDate,
            endDate: appointment.endDate,
          })),
          deliveredMinutes: done.delivered,
          plannedMinutes: done.planned,
          supportMinutes: done.support,
        },
        chosen,
      );
    });
  }

  // --- helpers ---

  private checkAllocation(kind: AllocationKind, value: number): FieldError[] {
    const max = ALLOCATION_MAX[kind];
    if (value > max) {
      return [
        {
          field: 'allocationValue',
          message: kind === AllocationKind.Percent ? 'Avsatt tid kan vara högst 100 procent.' : `Avsatt tid kan vara högst ${max} timmar per månad.`,
        },
      ];
    }
    return [];
  }

  private checkEndDate(endDate: string | null, startDate: string, today: string, employmentEnd: string | null): FieldError[] {
    if (endDate === null) return [];
    if (endDate < startDate) return [{ field: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' }];
    if (endDate < today) return [{ field: 'endDate', message: 'Slutdatum har redan passerat.' }];
    if (employmentEnd !== null && endDate > employmentEnd) {
      return [{ field: 'endDate', message: `Slutdatum kan inte vara efter anställningens slut (${employmentEnd}).` }];
    }
    return [];
  }

  private async mustQualification(id: string): Promise<AmbassadorQualification> {
    const qualification = await this.repository.qualification(id);
    if (!qualification) throw notFound();
    return qualification;
  }
}

/**
 * Coverage of one unit: active ambassadors (distinct people), staff per active ambassador (one decimal), and the
 * flags: none, or every active ambassador leaving within 60 days with no successor starting by the day after.
 */
export function toCoverage(row: CoverageRow, leavingLimit: string): UnitCoverage {
  const byPerson = new Map<string, CoverageRow['ambassadors'][number]>();
  for (const ambassador of row.ambassadors) {
    const seen = byPerson.get(ambassador.personId);
    if (!seen || laterOrOpen(ambassador.leavesOn, seen.leavesOn)) byPerson.set(ambassador.personId, ambassador);
  }
  const active = [...byPerson.values()];
  const flags: CoverageFlag[] = [];
  if (active.length === 0) {
    flags.push(CoverageFlag.NoAmbassador);
  } else if (active.every((ambassador) => ambassador.leavesOn !== null && ambassador.leavesOn <= leavingLimit)) {
    const lastDay = active
      .map((ambassador) => ambassador.leavesOn as string)
      .sort()
      .at(-1) as string;
    const successor = row.upcomingStarts.some((start) => start <= addDays(lastDay, 1));
    if (!successor) flags.push(CoverageFlag.AmbassadorsLeaving);
  }
  return {
    unit: { id: row.unitId, name: row.unitName },
    areaId: row.areaId,
    areaName: row.areaName,
    staffCount: row.staffCount,
    activeAmbassadors: active.map((ambassador) => ({
      person: { id: ambassador.personId, name: ambassador.name },
      appointmentId: ambassador.appointmentId,
      leavesOn: ambassador.leavesOn,
    })),
    staffPerAmbassador: active.length > 0 ? Math.round((row.staffCount / active.length) * 10) / 10 : null,
    flags,
  };
}

function laterOrOpen(candidate: string | null, current: string | null): boolean {
  if (current === null) return false;
  return candidate === null || candidate > current;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);
}

/** One entry per ambassador (appointments come ordered by name), with the units of all their appointments. */
function byPerson(appointments: AmbassadorAppointment[]): ReachAmbassador[] {
  const people = new Map<string, ReachAmbassador>();
  for (const appointment of appointments) {
    const entry = people.get(appointment.person.id) ?? { person: appointment.person, units: [] };
    for (const unit of appointment.units) if (!entry.units.some((known) => known.id === unit.id)) entry.units.push(unit);
    people.set(appointment.person.id, entry);
  }
  return [...people.values()];
}
