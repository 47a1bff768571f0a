import { Injectable } from '@nestjs/common';
import { EmploymentType, NewEmployeeOnboarding, ONBOARDING_WITHIN_DAYS, TargetStatus, TeamDashboard, TeamMember } from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import { notFound } from '../../common/http-errors';
import { PlansService } from '../plans/plans.service';
import { hours, round2 } from '../shared/insight-figures';
import { InsightsRepository } from '../shared/insights.repository';
import { addDays } from '../../database/local-day';
import { periodOn } from '../shared/period';
import { PeriodQueryDto } from '../shared/query.dto';
import { TeamRepository } from './team.repository';

const UPCOMING_LIMIT = 10;

/**
 * Members who started within the last year (`onboardingStarts` lists only those) and attended no onboarding-program
 * module within `ONBOARDING_WITHIN_DAYS` of their start, in the members' order.
 */
function withoutIntroduction(
  members: ReadonlyArray<{ id: string; name: string; startDate: string }>,
  onboarding: ReadonlyArray<{ personId: string; firstOnboardingDate: string | null }>,
  today: string,
): Array<Omit<NewEmployeeOnboarding, 'assigned'>> {
  const employees: Array<Omit<NewEmployeeOnboarding, 'assigned'>> = [];
  for (const member of members) {
    const start = onboarding.find((o) => o.personId === member.id);
    if (!start) continue;
    const deadline = addDays(member.startDate, ONBOARDING_WITHIN_DAYS);
    const begunInTime = start.firstOnboardingDate !== null && start.firstOnboardingDate <= deadline;
    if (begunInTime) continue;
    employees.push({ person: { id: member.id, name: member.name }, startDate: member.startDate, deadline, overdue: today > deadline });
  }
  return employees;
}

/** A unit's team progress (the unit dashboard) and what needs its manager's attention. See README.md. */
@Injectable()
export class TeamService {
  constructor(
    private readonly shared: InsightsRepository,
    private readonly team: TeamRepository,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Individual-level (each member's attendance and hours; the page offers them as CSV/XLSX from this answer), so
   * every read is in the audit log.
   */
  async teamDashboard(unitId: string, query: PeriodQueryDto): Promise<TeamDashboard> {
    const unit = await this.shared.unit(unitId);
    if (!unit) throw notFound();
    const today = await this.shared.today();
    const period = periodOn(query, today);
    await this.audit.record({ action: 'insights.team.read', targetType: 'unit', targetId: unitId, details: { ...period } });
    // One after the other: they share the request's transaction and so its connection.
    const members = await this.team.members(unitId, period.from, period.to);
    const catchUps = await this.team.catchUps(unitId, period.from, period.to);
    const programs = await this.team.programs(unitId, unit.areaId, unit.organisationId);
    const onboarding = await this.team.onboardingStarts(unitId);
    const ambassadors = await this.team.ambassadors(unitId, period.from, period.to);
    const upcoming = await this.team.upcoming(unitId, UPCOMING_LIMIT);
    const people: TeamMember[] = members.map((member) => ({
      person: { id: member.id, name: member.name },
      roleTitle: member.roleTitle,
      employmentType: member.employmentType,
      startDate: member.startDate,
      invited: member.invited,
      attended: member.attended,
      hours: hours(member.minutes),
      programs: programs
        .filter((program) => program.personId === member.id)
        .map(({ programId, title, stepsDone, stepsTotal, completedOn, dueDate, overdue }) => ({
          programId,
          title,
          stepsDone,
          stepsTotal,
          completedOn,
          dueDate,
          overdue,
        })),
      catchUps: catchUps.filter((c) => c.personId === member.id).map(({ sessionId, date, title }) => ({ sessionId, date, title })),
    }));
    const newEmployees: NewEmployeeOnboarding[] = withoutIntroduction(members, onboarding, today).map((employee) => ({
      ...employee,
      assigned: programs.some((program) => program.personId === employee.person.id && program.kind === 'onboarding'),
    }));
    const staffCount = members.length;
    return {
      unit: { id: unit.id, name: unit.name },
      period,
      staff: people.filter((person) => person.employmentType === EmploymentType.Permanent),
      substitutes: people.filter((person) => person.employmentType !== EmploymentType.Permanent),
      newEmployees,
      ambassadors: ambassadors.map((a) => ({
        person: { id: a.id, name: a.name },
        sessionsLed: a.sessionsLed,
        hoursLed: hours(a.minutesLed),
        leavesOn: a.leavesOn,
      })),
      staffPerAmbassador: ambassadors.length === 0 ? null : round2(staffCount / ambassadors.length),
      upcoming,
      totals: {
        people: staffCount,
        invited: members.reduce((sum, m) => sum + m.invited, 0),
        attended: members.reduce((sum, m) => sum + m.attended, 0),
        hours: hours(members.reduce((sum, m) => sum + m.minutes, 0)),
      },
    };
  }

  /**
   * What needs the unit's manager's attention, as counts (the start page, api/src/today): new employees without
   * an introduction (the team view's rule) and targets behind or missed (the year plan's rule). Nothing is named,
   * so nothing is audited; the team view and the plan name the people.
   */
  async attention(unitId: string): Promise<{ newWithoutIntroduction: number; targetsBehind: number }> {
    const today = await this.shared.today();
    const members = await this.team.members(unitId, today, today);
    const onboarding = await this.team.onboardingStarts(unitId);
    const targets = await this.plans.targetProgress(unitId, today);
    return {
      newWithoutIntroduction: withoutIntroduction(members, onboarding, today).length,
      targetsBehind: targets.filter((target) => target.status === TargetStatus.Behind || target.status === TargetStatus.Missed).length,
    };
  }
}
