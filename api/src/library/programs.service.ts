import { Injectable } from '@nestjs/common';
import {
  FieldError,
  Ownership,
  ProgramAssignment,
  ProgramAssignmentTarget,
  ProgramDeadlineBase,
  ProgramDetail,
  ProgramKind,
  ProgramSummary,
  Role,
  rolesOf,
} from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import type { Caller } from '../auth';
import { validationError } from '../common/errors';
import { holdsOnOrganisation, unitsWhere, visibilityFor } from '../organisation';
import { CreateProgramAssignmentDto, CreateProgramDto, ProgramStepDto, UpdateProgramDto } from './dto/library.dto';
import { forbidden, notFound, stateConflict } from '../common/http-errors';
import { canEdit, holdsLocalEditor, holdsNetworkCoordinator } from './library-access';
import { AssignmentRow, ProgramHeader, ProgramRow, ProgramsRepository } from './programs.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Roles that plan programs into units and areas. */
export const ASSIGNMENT_ROLES = rolesOf('programs.assignments');

/**
 * Programs: ordered modules with spacing (days after the previous step), optionally to be completed within
 * a number of days, assigned to units, areas, roles, job titles or the whole organisation.
 * Programs are not versioned: a session records the module version it used, and progress through a
 * program is computed from attendance per module.
 */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly repository: ProgramsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, filter: { kind?: ProgramKind; includeArchived: boolean }): Promise<ProgramSummary[]> {
    const rows = await this.repository.list(caller.networkId, caller.organisationId, filter);
    return rows.map((row) => this.toSummary(caller, row));
  }

  async detail(caller: Caller, programId: string): Promise<ProgramDetail> {
    const row = await this.repository.program(programId);
    if (!row) throw notFound();
    return {
      ...this.toSummary(caller, row),
      steps: await this.repository.steps(programId),
      qualifiesFor: await this.repository.qualifiesFor(programId),
    };
  }

  async create(caller: Caller, body: CreateProgramDto): Promise<ProgramDetail> {
    const organisationId = body.ownership === Ownership.Network ? null : caller.organisationId;
    if (organisationId === null && !holdsNetworkCoordinator(caller, caller.networkId)) {
      throw forbidden('Bara nätverkets samordnare kan skapa program som delas i nätverket.');
    }
    if (organisationId !== null && !holdsLocalEditor(caller, organisationId)) {
      throw forbidden('Bara HR och administratörer kan skapa organisationens egna program.');
    }
    const owner = { networkId: caller.networkId, organisationId };
    const qualifies = body.qualifiesModuleIds ?? [];
    await this.checkModules(owner, body.steps, qualifies, body.kind);
    const programId = await this.repository.insertProgram({
      networkId: caller.networkId,
      organisationId,
      title: body.title,
      summary: body.summary,
      kind: body.kind,
      completeWithinDays: body.completeWithinDays ?? null,
      deadlineBase: body.deadlineBase ?? ProgramDeadlineBase.AssignmentStart,
      personId: caller.personId,
    });
    await this.repository.replaceSteps(programId, organisationId, stepsOf(body.steps));
    await this.repository.replaceQualifications(programId, organisationId, qualifies);
    await this.audit.record({
      action: 'library.program.created',
      targetType: 'library_program',
      targetId: programId,
      details: { ownership: body.ownership, kind: body.kind, steps: body.steps.length },
    });
    return this.detail(caller, programId);
  }

  async update(caller: Caller, programId: string, body: UpdateProgramDto): Promise<ProgramDetail> {
    const header = await this.mustHeader(programId, true);
    const current = await this.repository.program(programId);
    if (!current) throw notFound();
    const changesContent =
      body.title !== undefined ||
      body.summary !== undefined ||
      body.kind !== undefined ||
      body.completeWithinDays !== undefined ||
      body.deadlineBase !== undefined ||
      body.steps !== undefined ||
      body.qualifiesModuleIds !== undefined;
    if (changesContent && header.archived && body.archived !== false) {
      throw stateConflict('Programmet är arkiverat. Ta tillbaka det först.', 'archived');
    }
    const kind = body.kind ?? current.kind;
    const steps = body.steps;
    if (kind !== ProgramKind.AmbassadorTraining && body.qualifiesModuleIds === undefined) {
      // Changing an ambassador training into another kind: its qualifying modules must be cleared with it.
      const existing = await this.repository.qualifiesFor(programId);
      if (existing.length > 0) {
        throw validationError([{ field: 'qualifiesModuleIds', message: 'Bara en ombudsutbildning ger behörighet att leda moduler: töm listan.' }]);
      }
    }
    await this.checkModules(header, steps ?? [], body.qualifiesModuleIds ?? [], kind);
    if (changesContent) {
      await this.repository.updateProgram(
        programId,
        {
          title: body.title ?? current.title,
          summary: body.summary ?? current.summary,
          kind,
          completeWithinDays: body.completeWithinDays === undefined ? current.completeWithinDays : body.completeWithinDays,
          deadlineBase: body.deadlineBase ?? current.deadlineBase,
        },
        caller.personId,
      );
      if (steps) await this.repository.replaceSteps(programId, header.organisationId, stepsOf(steps));
      if (body.qualifiesModuleIds) await this.repository.replaceQualifications(programId, header.organisationId, body.qualifiesModuleIds);
    }
    if (body.archived !== undefined && body.archived !== header.archived) {
      await this.repository.setArchived(programId, body.archived, caller.personId);
    }
    await this.audit.record({
      action: 'library.program.updated',
      targetType: 'library_program',
      targetId: programId,
      details: { fields: Object.keys(body) },
    });
    return this.detail(caller, programId);
  }

  // --- assignments ---

  async assignments(caller: Caller, programId: string, includeEnded: boolean): Promise<ProgramAssignment[]> {
    const visibility = visibilityFor(caller, ASSIGNMENT_ROLES);
    return this.repository.assignments(caller.organisationId, programId, visibility, includeEnded);
  }

  async assign(caller: Caller, programId: string, body: CreateProgramAssignmentDto): Promise<ProgramAssignment> {
    const header = await this.mustHeader(programId);
    if (header.archived) throw stateConflict('Programmet är arkiverat och kan inte tilldelas.', 'archived');
    const target = await this.resolveTarget(caller, body);
    if (body.endDate && body.endDate < body.startDate) {
      throw validationError([{ field: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' }]);
    }
    if (body.endDate && body.endDate < (await this.repository.today())) {
      throw validationError([{ field: 'endDate', message: 'Slutdatum har redan passerat.' }]);
    }
    const candidate: Omit<AssignmentRow, 'id'> = {
      organisationId: caller.organisationId,
      programId,
      ...target,
      startDate: body.startDate,
      endDate: body.endDate ?? null,
    };
    const existing = await this.repository.overlappingAssignment(candidate);
    if (existing) {
      // The same request again (a retry) returns what it made; anything else would overlap it.
      if (existing.startDate === candidate.startDate && existing.endDate === candidate.endDate) return this.mustAssignment(existing.id);
      throw stateConflict(`Programmet är redan tilldelat dit från ${existing.startDate}.`, 'overlapping', { assignmentId: existing.id });
    }
    const id = await this.repository.insertAssignment({ ...candidate, note: body.note ?? null, createdBy: caller.personId });
    await this.audit.record({
      action: 'library.program.assigned',
      targetType: 'library_program',
      targetId: programId,
      details: { assignmentId: id, ...target, startDate: candidate.startDate, endDate: candidate.endDate },
    });
    return this.mustAssignment(id);
  }

  /** Ends an assignment; ending one that has already ended changes nothing. */
  async endAssignment(caller: Caller, programId: string, assignmentId: string): Promise<void> {
    if (!UUID.test(assignmentId)) throw notFound();
    const assignment = await this.repository.assignmentRow(assignmentId, true);
    if (!assignment || assignment.organisationId !== caller.organisationId || assignment.programId !== programId) throw notFound();
    if (!(await this.coversTarget(caller, assignment))) throw forbidden('Du får inte ändra den här tilldelningen.');
    const outcome = await this.repository.endAssignment(assignmentId, caller.personId);
    if (outcome !== 'unchanged') {
      await this.audit.record({
        action: 'library.program.assignment_ended',
        targetType: 'library_program',
        targetId: programId,
        details: { assignmentId, outcome },
      });
    }
  }

  unitPrograms(unitId: string): Promise<ProgramAssignment[]> {
    return this.repository.unitAssignments(unitId);
  }

  // --- helpers ---

  /** The target of an assignment, checked against the caller's grants (another organisation's ids answer 404). */
  private async resolveTarget(
    caller: Caller,
    body: CreateProgramAssignmentDto,
  ): Promise<Pick<AssignmentRow, 'targetType' | 'unitId' | 'areaId' | 'role' | 'roleTitle'>> {
    const none = { unitId: null, areaId: null, role: null, roleTitle: null };
    const organisationWide = holdsOnOrganisation(caller, Role.Hr) || holdsOnOrganisation(caller, Role.OrgAdmin);
    const extra = (allowed: Array<keyof CreateProgramAssignmentDto>): FieldError[] =>
      (['unitId', 'areaId', 'role', 'roleTitle'] as const)
        .filter((field) => !allowed.includes(field) && body[field] !== undefined)
        .map((field) => ({ field, message: 'Fältet hör inte till den valda mottagaren.' }));
    const refuse = () => forbidden('Du får inte tilldela program hit.');

    switch (body.targetType) {
      case ProgramAssignmentTarget.Unit: {
        const problems = extra(['unitId']);
        if (!body.unitId) problems.unshift({ field: 'unitId', message: 'Välj en enhet.' });
        if (problems.length) throw validationError(problems);
        const unitId = body.unitId as string;
        const unit = await this.repository.unitPosition(unitId);
        if (!unit || unit.organisationId !== caller.organisationId) throw notFound();
        if (unit.closed) throw validationError([{ field: 'unitId', message: 'Enheten är stängd.' }]);
        const covered =
          organisationWide || unitsWhere(caller, Role.Manager).includes(unitId) || visibilityFor(caller, [Role.AreaManager]).areaIds.includes(unit.areaId);
        if (!covered) throw refuse();
        return { ...none, targetType: body.targetType, unitId };
      }
      case ProgramAssignmentTarget.Area: {
        const problems = extra(['areaId']);
        if (!body.areaId) problems.unshift({ field: 'areaId', message: 'Välj ett område.' });
        if (problems.length) throw validationError(problems);
        const areaId = body.areaId as string;
        if ((await this.repository.areaOrganisation(areaId)) !== caller.organisationId) throw notFound();
        if (!organisationWide && !visibilityFor(caller, [Role.AreaManager]).areaIds.includes(areaId)) throw refuse();
        return { ...none, targetType: body.targetType, areaId };
      }
      case ProgramAssignmentTarget.Role: {
        const problems = extra(['role']);
        if (!body.role) problems.unshift({ field: 'role', message: 'Välj roll: ombud (ambassador) eller enhetschef (manager).' });
        if (problems.length) throw validationError(problems);
        if (!organisationWide) throw refuse();
        return { ...none, targetType: body.targetType, role: body.role as string };
      }
      case ProgramAssignmentTarget.RoleTitle: {
        const problems = extra(['roleTitle']);
        if (!body.roleTitle) problems.unshift({ field: 'roleTitle', message: 'Fyll i befattning, t.ex. undersköterska.' });
        if (problems.length) throw validationError(problems);
        if (!organisationWide) throw refuse();
        return { ...none, targetType: body.targetType, roleTitle: (body.roleTitle as string).toLocaleLowerCase('sv') };
      }
      case ProgramAssignmentTarget.Organisation: {
        const problems = extra([]);
        if (problems.length) throw validationError(problems);
        if (!organisationWide) throw refuse();
        return { ...none, targetType: body.targetType };
      }
    }
  }

  private async coversTarget(caller: Caller, assignment: AssignmentRow): Promise<boolean> {
    if (holdsOnOrganisation(caller, Role.Hr) || holdsOnOrganisation(caller, Role.OrgAdmin)) return true;
    const areas = visibilityFor(caller, [Role.AreaManager]).areaIds;
    if (assignment.targetType === ProgramAssignmentTarget.Area) return assignment.areaId !== null && areas.includes(assignment.areaId);
    if (assignment.targetType === ProgramAssignmentTarget.Unit && assignment.unitId) {
      if (unitsWhere(caller, Role.Manager).includes(assignment.unitId)) return true;
      const unit = await this.repository.unitPosition(assignment.unitId);
      return unit !== null && areas.includes(unit.areaId);
    }
    return false;
  }

  /**
   * Steps and qualifying modules must be published, unarchived modules the program's owner may use: a network
   * program only network modules; an organisation's program network modules and its own.
   */
  private async checkModules(
    owner: { networkId: string; organisationId: string | null },
    steps: ProgramStepDto[],
    qualifies: string[],
    kind: ProgramKind,
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (qualifies.length > 0 && kind !== ProgramKind.AmbassadorTraining) {
      errors.push({ field: 'qualifiesModuleIds', message: 'Bara en ombudsutbildning ger behörighet att leda moduler.' });
    }
    const modules = new Map((await this.repository.stepModules(owner.networkId, [...steps.map((step) => step.moduleId), ...qualifies])).map((m) => [m.id, m]));
    const check = (moduleId: string, field: string) => {
      const module = modules.get(moduleId);
      if (!module || (module.organisationId !== null && module.organisationId !== owner.organisationId)) {
        errors.push({ field, message: 'Modulen finns inte i biblioteket.' });
      } else if (module.archived) {
        errors.push({ field, message: 'Modulen är arkiverad.' });
      } else if (!module.published) {
        errors.push({ field, message: 'Modulen är inte publicerad än.' });
      }
    };
    steps.forEach((step, index) => check(step.moduleId, `steps.${index}.moduleId`));
    qualifies.forEach((moduleId, index) => check(moduleId, `qualifiesModuleIds.${index}`));
    if (errors.length > 0) throw validationError(errors);
  }

  private async mustHeader(programId: string, lock = false): Promise<ProgramHeader> {
    const header = await this.repository.header(programId, lock);
    if (!header) throw notFound();
    return header;
  }

  private async mustAssignment(id: string): Promise<ProgramAssignment> {
    const assignment = await this.repository.assignment(id);
    if (!assignment) throw notFound();
    return assignment;
  }

  private toSummary(caller: Caller, row: ProgramRow): ProgramSummary {
    return {
      id: row.id,
      ownership: row.ownership,
      organisationId: row.organisationId,
      title: row.title,
      summary: row.summary,
      kind: row.kind,
      completeWithinDays: row.completeWithinDays,
      deadlineBase: row.deadlineBase,
      stepCount: row.stepCount,
      totalMinutes: row.totalMinutes,
      archived: row.archived,
      canEdit: canEdit(caller, row),
    };
  }
}

function stepsOf(steps: ProgramStepDto[]) {
  return steps.map((step) => ({ moduleId: step.moduleId, daysAfterPrevious: step.daysAfterPrevious, note: step.note ?? null }));
}
