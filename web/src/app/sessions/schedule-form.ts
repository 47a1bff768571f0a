import {
  ModuleSummary,
  OrganisationTree,
  ProgramAssignment,
  ProgramAssignmentTarget,
  SeriesOccurrenceVariant,
  SessionAudience,
  SessionShift,
  UnitDetail,
  UnitSummary,
} from '@kunna/contracts';
import { Permissions } from '../core/permissions';

/** Local date YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Who is invited, as chosen in the form: a program's target group becomes the team or a selection when saved. */
export type InviteChoice = 'team' | 'selection' | 'program';

/** Who a program's target group is on a unit: the whole team, or these people. */
export interface TargetGroup {
  audience: SessionAudience;
  personIds: string[];
}

export interface ShiftChoice {
  shift: SessionShift;
  startTime: string;
  chosen: boolean;
}

const DEFAULT_SHIFT_TIMES: Record<SessionShift, string> = {
  [SessionShift.Day]: '10:00',
  [SessionShift.Evening]: '17:00',
  [SessionShift.Night]: '22:00',
  [SessionShift.Weekend]: '10:00',
  [SessionShift.Handover]: '14:30',
};

/** Every shift at its usual start, none chosen. */
export function defaultShifts(): ShiftChoice[] {
  return Object.values(SessionShift).map((shift) => ({ shift, startTime: DEFAULT_SHIFT_TIMES[shift], chosen: false }));
}

/** The session (or a series' first) just scheduled, handed to the sessions page in the navigation's state. */
export interface JustScheduled {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  date: string;
  startTime: string;
}

export function justScheduled(session: { id: string; title: string; date: string; startTime: string }, unit: { id: string; name: string }): JustScheduled {
  return { id: session.id, unitId: unit.id, unitName: unit.name, title: session.title, date: session.date, startTime: session.startTime };
}

/** Published modules that are not archived: those a session can deliver. */
export function usableModules(modules: ModuleSummary[]): ModuleSummary[] {
  return modules.filter((module) => module.latestPublished && !module.archived);
}

/** The units the caller schedules in: every unit for those who see the whole organisation, otherwise their own. */
export function schedulableUnits(tree: OrganisationTree | undefined, permissions: Permissions): UnitSummary[] {
  const all = (tree?.areas ?? []).flatMap((area) => area.units);
  if (permissions.organisationWide()) return all;
  const own = [...permissions.ambassadorUnitIds(), ...permissions.managedUnitIds()];
  return all.filter((unit) => own.includes(unit.id));
}

/** The unit's active staff, by name. */
export function activeStaff(detail: UnitDetail | undefined): Array<{ id: string; name: string; roleTitle: string }> {
  return (detail?.staff ?? [])
    .filter((person) => person.active)
    .map((person) => ({ id: person.id, name: `${person.firstName} ${person.lastName}`, roleTitle: person.roleTitle }));
}

/** The unit's program assignments in force: whose target group a session can invite. */
export function activeAssignments(assignments: ProgramAssignment[]): ProgramAssignment[] {
  return assignments.filter((assignment) => assignment.active);
}

/** Who the chosen program assignment's target group is on this unit: the whole team, or the people with the role or job title. */
export function programTargetGroup(assignments: ProgramAssignment[], assignmentId: string, detail: UnitDetail | undefined): TargetGroup | null {
  const assignment = activeAssignments(assignments).find((candidate) => candidate.id === assignmentId);
  if (!assignment || !detail) return null;
  if (assignment.targetType === ProgramAssignmentTarget.RoleTitle) {
    const title = assignment.targetName.toLowerCase();
    return {
      audience: SessionAudience.Selection,
      personIds: activeStaff(detail)
        .filter((person) => person.roleTitle.toLowerCase() === title)
        .map((person) => person.id),
    };
  }
  if (assignment.targetType === ProgramAssignmentTarget.Role) {
    const holders = assignment.targetName === 'manager' ? detail.managers : detail.ambassadors;
    return { audience: SessionAudience.Selection, personIds: holders.map((person) => person.id) };
  }
  return { audience: SessionAudience.UnitTeam, personIds: [] };
}

/** Whom the session invites, as the API takes it. */
export function invitationOf(
  choice: InviteChoice,
  invitedIds: string[],
  targetGroup: TargetGroup | null,
): { audience: SessionAudience; invitedPersonIds?: string[] } {
  if (choice === 'selection') return { audience: SessionAudience.Selection, invitedPersonIds: invitedIds };
  if (choice === 'program' && targetGroup?.audience === SessionAudience.Selection) {
    return { audience: SessionAudience.Selection, invitedPersonIds: targetGroup.personIds };
  }
  return { audience: SessionAudience.UnitTeam };
}

/** The chosen shifts on each date; the weekend occurrence on the Saturday after the date. */
export function shiftVariants(chosen: ShiftChoice[], date: string): SeriesOccurrenceVariant[] | undefined {
  if (chosen.length === 0) return undefined;
  const weekday = new Date(`${date}T12:00:00`).getDay();
  const toSaturday = weekday === 0 ? 6 : (6 - weekday) % 7;
  return chosen.map((choice) => ({
    startTime: choice.startTime,
    shift: choice.shift,
    dayOffset: choice.shift === SessionShift.Weekend ? toSaturday : 0,
  }));
}
