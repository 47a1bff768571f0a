import { Inject, Injectable } from '@nestjs/common';
import {
  CheckKind,
  LOW_PAIRING_PERCENT,
  Role,
  SessionSummary,
  SetupItem,
  TodayAmbassador,
  TodayManager,
  TodayMine,
  TodayOrganisation,
  TodayOverview,
  TodayPairing,
  TodaySession,
  TodaySetup,
  TodayUnitAttention,
} from '@kunna/contracts';
import { effectiveMinimum } from '@kunna/learning-gain';
import type { Caller } from '../auth';
import { AnsweringRepository, ResultsRepository, RoundsRepository, RoundsService } from '../checks';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { addDays } from '../database/local-day';
import { ImportsRepository } from '../imports';
import { TeamService } from '../insights';
import { holdsOnOrganisation, unitsWhere } from '../organisation';
import { PrivacyGate, type GateElement } from '../privacy';
import { CatchUpRepository, hours, SchedulingRepository, SchedulingService } from '../sessions';
import { TodayRepository, UnitRow } from './today.repository';

const NEXT_SESSIONS = 3;
const UPCOMING_SESSIONS = 5;
const UPCOMING_DAYS = 14;
const RECENT_SUPPORT = 3;
const RECENT_SUPPORT_DAYS = 30;
/** Follow-ups due within this many days (or overdue) count as due. */
const FOLLOW_UP_DAYS = 14;

/**
 * The start page: for each role the caller holds, what to do now, narrowed to the caller's scopes. Every unit read
 * here is one the caller holds the role in (ambassador and manager grants, an area manager's areas); aggregate
 * figures (pairing rate, the organisation's participation) pass the privacy gate.
 */
@Injectable()
export class TodayService {
  constructor(
    private readonly repository: TodayRepository,
    private readonly sessions: SchedulingService,
    private readonly sessionsRepository: SchedulingRepository,
    private readonly catchUp: CatchUpRepository,
    private readonly checkRounds: RoundsService,
    private readonly checkRoundsRepository: RoundsRepository,
    private readonly checkAnsweringRepository: AnsweringRepository,
    private readonly checkResultsRepository: ResultsRepository,
    private readonly insights: TeamService,
    private readonly imports: ImportsRepository,
    private readonly gate: PrivacyGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async overview(caller: Caller): Promise<TodayOverview> {
    const date = await this.repository.today();
    // One after the other: the reads share the request's transaction and so its connection.
    const mine = await this.mine(caller, date);
    const ambassador = unitsWhere(caller, Role.Ambassador).length ? await this.ambassador(caller, date) : null;
    const manager = await this.manager(caller, date);
    const organisation = holdsOnOrganisation(caller, Role.Hr) ? await this.organisation(caller, date) : null;
    const setup = holdsOnOrganisation(caller, Role.OrgAdmin) ? await this.setup(caller, date) : null;
    return { date, mine, ambassador, manager, organisation, setup };
  }

  private async mine(caller: Caller, date: string): Promise<TodayMine> {
    const pendingChecks = await this.checkAnsweringRepository.pendingRounds(caller.personId);
    const nextSessions = await this.sessionsByIds(caller, await this.repository.invitedSessionIds(caller.personId, NEXT_SESSIONS));
    const from = yearStart(date);
    const progress = await this.repository.ownProgress(caller.personId, from);
    return {
      pendingChecks,
      nextSessions,
      progress: { from, sessionsAttended: progress.sessionsAttended, hours: hours(progress.minutes), checksAnswered: progress.checksAnswered },
    };
  }

  private async ambassador(caller: Caller, date: string): Promise<TodayAmbassador> {
    const unitIds = unitsWhere(caller, Role.Ambassador);
    const today = (await this.sessions.mine(caller, date)).map(toTodaySession);
    const upcomingIds = await this.repository.upcomingSessionIds(
      caller.organisationId,
      caller.personId,
      unitIds,
      date,
      addDays(date, UPCOMING_DAYS),
      UPCOMING_SESSIONS,
    );
    const upcoming = await this.sessionsByIds(caller, upcomingIds);
    const units = await this.repository.units(caller.organisationId, unitIds, []);
    const openRounds: TodayAmbassador['openRounds'] = [];
    const unitFigures: TodayAmbassador['units'] = [];
    for (const unit of units) {
      for (const assignment of await this.checkRounds.assignments(caller, unit.id)) {
        if (assignment.cancelledAt !== null) continue;
        for (const round of assignment.rounds) {
          if (round.opensOn > date || (round.closesOn !== null && round.closesOn < date)) continue;
          openRounds.push({
            roundId: round.id,
            assignmentId: assignment.id,
            title: assignment.title,
            unit: { id: unit.id, name: unit.name },
            kind: round.kind,
            code: round.code,
            closesOn: round.closesOn,
            answered: round.answered,
            invited: round.invited,
          });
        }
      }
      const missed = await this.catchUp.missedProgramSessions(unit.id);
      const followUps = await this.catchUp.followUpsDue(unit.id);
      const dueBy = addDays(date, FOLLOW_UP_DAYS);
      unitFigures.push({
        unit: { id: unit.id, name: unit.name },
        catchUpPeople: new Set(missed.map((row) => row.personId)).size,
        followUpsDue: followUps.filter((row) => row.dueDate <= dueBy).length,
      });
    }
    const recentSupport = await this.repository.supportGiven(caller.personId, addDays(date, -RECENT_SUPPORT_DAYS), RECENT_SUPPORT);
    return { today, upcoming, openRounds, units: unitFigures, recentSupport };
  }

  /** Units managed directly or through an area (area manager); null when the caller manages none. */
  private async manager(caller: Caller, date: string): Promise<TodayManager | null> {
    const unitIds = unitsWhere(caller, Role.Manager);
    const areaIds = caller.grants.filter((grant) => grant.role === Role.AreaManager).map((grant) => grant.scopeId);
    if (unitIds.length === 0 && areaIds.length === 0) return null;
    const units = await this.repository.units(caller.organisationId, unitIds, areaIds);
    const minimum = effectiveMinimum(await this.checkResultsRepository.minimumGroupSize(caller.organisationId));
    const attention: TodayUnitAttention[] = [];
    for (const unit of units) attention.push(await this.unitAttention(caller, unit, date, minimum));
    return { units: attention };
  }

  private async unitAttention(caller: Caller, unit: UnitRow, date: string, minimum: number): Promise<TodayUnitAttention> {
    const { newWithoutIntroduction, targetsBehind } = await this.insights.attention(unit.id);
    const missed = await this.catchUp.missedProgramSessions(unit.id);
    return {
      unit: { id: unit.id, name: unit.name },
      areaId: unit.areaId,
      newWithoutIntroduction,
      targetsBehind,
      missedModule: new Set(missed.map((row) => row.personId)).size,
      pairing: await this.pairing(caller, unit.id, date, minimum),
    };
  }

  /**
   * Invited records of the unit's checks whose after round has opened, and how many of them answered both before
   * and after (the checks feature's invitation rule). The rate is released only through the privacy gate.
   */
  private async pairing(caller: Caller, unitId: string, date: string, minimum: number): Promise<TodayPairing> {
    const assignmentIds: string[] = [];
    for (const assignment of await this.checkRoundsRepository.assignments(caller.organisationId, [unitId])) {
      const rounds = await this.checkRoundsRepository.rounds(assignment.id);
      if (rounds.some((round) => round.kind === CheckKind.After && round.opensOn <= date)) assignmentIds.push(assignment.id);
    }
    if (assignmentIds.length === 0) return { percent: null, low: false, withheld: false };
    // The assignments are chosen above (any instrument); of the filter only role title and employment type narrow these two reads.
    const unfiltered = { organisationId: caller.organisationId, instrumentId: '', unitIds: [unitId], areaId: null, roleTitle: null, employmentType: null };
    const invited = await this.checkResultsRepository.groupInvited(assignmentIds, unfiltered);
    const responses = await this.checkResultsRepository.groupResponses(assignmentIds, unfiltered);
    const submitted = new Set(responses.filter((r) => r.status === 'submitted').map((r) => `${r.assignmentId}:${r.personId}:${r.kind}`));
    const records = invited.map((person) => {
      const key = `${person.assignmentId}:${person.personId}`;
      return { person: person.personId, key, paired: submitted.has(`${key}:${CheckKind.Before}`) && submitted.has(`${key}:${CheckKind.After}`) };
    });
    const group: GateElement[] = records.map((record) => ({ value: `${record.key}|${record.paired ? 'paired' : 'unpaired'}`, person: record.person }));
    const refusal = await this.gate.release({ organisationId: caller.organisationId, family: 'today:pairing', minimum }, group);
    if (refusal !== null || records.length === 0) return { percent: null, low: false, withheld: refusal !== null };
    const percent = round1((records.filter((record) => record.paired).length / records.length) * 100);
    return { percent, low: percent < LOW_PAIRING_PERCENT, withheld: false };
  }

  private async organisation(caller: Caller, date: string): Promise<TodayOrganisation> {
    const from = yearStart(date);
    const counts = await this.repository.organisationCounts(caller.organisationId, from);
    const minutes = await this.repository.participationMinutes(caller.organisationId, from);
    const minimum = effectiveMinimum(await this.checkResultsRepository.minimumGroupSize(caller.organisationId));
    const context = { organisationId: caller.organisationId, minimum };
    const participants = minutes.map((row) => ({ value: `participant:${row.personId}`, person: row.personId }));
    const withMinutes = minutes.map((row) => ({ value: `${row.personId}|${row.minutes}`, person: row.personId }));
    const participantsRefused = (await this.gate.release({ ...context, family: 'today:participants' }, participants)) !== null;
    const hoursRefused = (await this.gate.release({ ...context, family: 'today:participation-minutes' }, withMinutes)) !== null;
    const participantCount = participantsRefused ? null : minutes.length;
    const [latestImport] = await this.imports.listRuns(caller.organisationId, 1);
    return {
      staff: counts.staff,
      units: counts.units,
      from,
      participants: participantCount,
      participantPercent: participantCount === null || counts.staff === 0 ? null : round1((participantCount / counts.staff) * 100),
      hours: hoursRefused ? null : hours(minutes.reduce((sum, row) => sum + row.minutes, 0)),
      withheld: participantsRefused || hoursRefused,
      heldSessions: counts.heldSessions,
      activeAmbassadors: counts.activeAmbassadors,
      latestImport: latestImport ?? null,
    };
  }

  private async setup(caller: Caller, date: string): Promise<TodaySetup> {
    const counts = await this.repository.organisationCounts(caller.organisationId, date);
    const setup = await this.repository.setupCounts(caller.organisationId, caller.networkId);
    const item = (key: SetupItem['key'], count: number): SetupItem => ({ key, done: count > 0, count });
    return {
      items: [
        item('units', counts.units),
        item('staff', counts.staff),
        item('ambassadors', setup.ambassadors),
        item('module', setup.modules),
        item('instrument', setup.instruments),
        // Single sign-on is configured for one organisation of the installation (OIDC_ORGANISATION_ID).
        { key: 'sso', done: this.config.oidc?.organisationId === caller.organisationId, count: null },
      ],
    };
  }

  private async sessionsByIds(caller: Caller, ids: string[]): Promise<TodaySession[]> {
    if (ids.length === 0) return [];
    // The ids come from the caller's own invitations, units or facilitation: read them whatever the visibility.
    const summaries = await this.sessionsRepository.summaries({
      organisationId: caller.organisationId,
      visibility: { organisationWide: true, areaIds: [], unitIds: [] },
      facilitatorId: caller.personId,
      includeCancelled: false,
      sessionIds: ids,
    });
    return summaries.map(toTodaySession);
  }
}

function toTodaySession(session: SessionSummary): TodaySession {
  return {
    id: session.id,
    title: session.title,
    unit: session.unit,
    date: session.date,
    startTime: session.startTime,
    durationMinutes: session.durationMinutes,
    place: session.place,
    invitedCount: session.invitedCount,
    attendedCount: session.attendedCount,
  };
}

function yearStart(date: string): string {
  return `${date.slice(0, 4)}-01-01`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
