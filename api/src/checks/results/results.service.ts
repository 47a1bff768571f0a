import { Injectable } from '@nestjs/common';
import { CheckItem, CheckKind, CheckResults, ResultsQuery, Role, rolesOf, SupportSignal } from '@kunna/contracts';
import { effectiveMinimum } from '@kunna/learning-gain';
import { AuditService } from '../../database/audit.service';
import { type Caller, callerCanSee, callerCovers } from '../../auth';
import { forbidden, notFound } from '../../common/http-errors';
import { PrivacyGate, valueElements, type GateElement } from '../../privacy';
import { KeptViews } from '../../snapshots';
import { analyseGroup, groupInputs, KNOWLEDGE_KEY, pairElements, pairRecords, suppressedResult } from '../aggregate';
import { InstrumentsRepository, VersionRow } from '../instruments/instruments.repository';
import { RoundsService } from '../rounds/rounds.service';
import { needsSupport, scorePerson } from '../scoring';
import { ResultsRepository } from './results.repository';

/** Who sees aggregates (never individual answers). */
const RESULT_ROLES = rolesOf('checks.results');
/** The kept view of an instrument's organisation-wide results (api/src/snapshots). */
export const KEPT_RESULTS = 'checks.results';

/** What the answers say about groups: support signals for a unit's ambassadors, aggregates behind the privacy gate. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly repository: ResultsRepository,
    private readonly instruments: InstrumentsRepository,
    private readonly rounds: RoundsService,
    private readonly audit: AuditService,
    private readonly gate: PrivacyGate,
    private readonly keptViews: KeptViews,
  ) {}

  // --- support signals (the unit's ambassadors) ---

  /**
   * People whose latest finished check in the unit crossed the instrument's threshold. Only the name and the
   * check are given, never answers or scores; every read is written to the audit log.
   */
  async supportSignals(caller: Caller, unitId: string): Promise<SupportSignal[]> {
    await this.rounds.unitFor(caller, unitId, [Role.Ambassador]);
    const responses = await this.repository.unitResponses(unitId);
    const latest = new Map<string, (typeof responses)[number]>();
    const order = { [CheckKind.Before]: 0, [CheckKind.After]: 1, [CheckKind.FollowUp]: 2 };
    for (const r of responses) {
      const key = `${r.assignmentId}:${r.personId}`;
      const current = latest.get(key);
      if (!current || order[r.kind] >= order[current.kind]) latest.set(key, r);
    }
    const signals: SupportSignal[] = [];
    const versions = new Map<string, VersionRow | null>();
    for (const r of latest.values()) {
      if (!versions.has(r.versionId)) versions.set(r.versionId, await this.instruments.version(r.versionId));
      const version = versions.get(r.versionId);
      if (!version) continue;
      if (needsSupport(scorePerson(version.items, r.answers), version.supportThreshold)) {
        signals.push({ personId: r.personId, name: r.name, assignmentId: r.assignmentId, assignmentTitle: r.title, kind: r.kind });
      }
    }
    await this.audit.record({
      action: 'checks.support_signals.read',
      targetType: 'unit',
      targetId: unitId,
      details: { people: signals.map((s) => s.personId) },
    });
    return signals;
  }

  // --- aggregates (managers, HR, administrators) ---

  /**
   * An instrument's results for a unit, an area or the whole organisation. The organisation's are kept between reads
   * (api/src/snapshots): every reader of them sees the same figures, and computing them reads every answer.
   */
  async results(caller: Caller, query: ResultsQuery): Promise<CheckResults> {
    const organisationWide = !query.unitId && !query.areaId;
    const result = organisationWide
      ? await this.keptViews.read<ResultsQuery, CheckResults>(caller, KEPT_RESULTS, query)
      : await this.computeResults(caller, query);
    if (!result.suppressed) {
      await this.audit.record({
        action: 'checks.results.read',
        targetType: 'check_instrument',
        targetId: query.instrumentId,
        details: { groupKey: resultsGroupKey(query) },
      });
    }
    return result;
  }

  /** The results computed from every answer, through the privacy gate (a refresh of the kept view calls this too). */
  async computeResults(caller: Caller, query: ResultsQuery): Promise<CheckResults> {
    const instrument = await this.instruments.instrument(query.instrumentId);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    let unitIds: string[] | null = null;
    if (query.unitId) {
      await this.rounds.unitFor(caller, query.unitId, RESULT_ROLES);
      unitIds = [query.unitId];
    } else if (query.areaId) {
      const area = await this.repository.areaPosition(query.areaId);
      if (!area || !callerCanSee(caller, RESULT_ROLES, area)) throw notFound();
      if (!callerCovers(caller, RESULT_ROLES, area)) throw forbidden();
    } else if (!callerCovers(caller, RESULT_ROLES, { networkId: caller.networkId, organisationId: caller.organisationId, areaIds: [], unitIds: [] })) {
      throw forbidden('Välj en enhet eller ett område som du ansvarar för.');
    }
    const minimum = effectiveMinimum(await this.repository.minimumGroupSize(caller.organisationId));
    const filter = {
      organisationId: caller.organisationId,
      instrumentId: instrument.id,
      unitIds,
      areaId: query.areaId ?? null,
      roleTitle: query.roleTitle ?? null,
      employmentType: query.employmentType ?? null,
    };
    const assignments = await this.repository.groupAssignments(filter);
    const ids = assignments.map((a) => a.id);
    // One after the other: the queries share the request's transaction and so its connection.
    const invited = ids.length ? await this.repository.groupInvited(ids, filter) : [];
    const responses = ids.length ? await this.repository.groupResponses(ids, filter) : [];
    const groupKey = resultsGroupKey(query);
    const distinctInvited = new Set(invited.map((p) => p.personId)).size;
    if (distinctInvited < minimum) {
      await this.audit.record({
        action: 'checks.results.suppressed',
        targetType: 'check_instrument',
        targetId: instrument.id,
        details: { groupKey, reason: 'belowMinimum' },
      });
      return { minimumGroupSize: minimum, suppressed: true, reason: 'belowMinimum', dimensions: [] };
    }
    // Answers of one instrument's versions pair up by item key; the latest version's items describe them.
    const versionRows: Array<VersionRow | null> = [];
    for (const id of new Set(assignments.map((a) => a.versionId))) versionRows.push(await this.instruments.version(id));
    const items = mergeItems(versionRows.filter((v): v is VersionRow => v !== null));
    // A filtered view is also checked against its complement in the unit, area or organisation chosen.
    // Each dimension's means before and after are two groups of values (family rating:<dimension>, named like the
    // competence breakdown and trend name them, so no view can be subtracted from another); the knowledge score is
    // the instrument's own.
    const gateGroups = (groupInvited: typeof invited, groupResponses: typeof responses) =>
      groupInputs(items, groupInvited, groupResponses).flatMap(({ key, inputs }) => {
        if (key === KNOWLEDGE_KEY) return [{ key, family: `checks:${instrument.id}:${key}`, group: valueElements(inputs) }];
        const { before, after } = pairElements(items, pairRecords(groupInvited, groupResponses), key);
        return [
          { key, family: `rating:${key}`, group: before },
          { key, family: `rating:${key}`, group: after },
        ];
      });
    let scope: GateElement[][] | null = null;
    if (filter.roleTitle !== null || filter.employmentType !== null) {
      const unfiltered = { ...filter, roleTitle: null, employmentType: null };
      const scopeInvited = await this.repository.groupInvited(ids, unfiltered);
      const scopeResponses = await this.repository.groupResponses(ids, unfiltered);
      scope = gateGroups(scopeInvited, scopeResponses).map((g) => g.group);
    }
    const groups = gateGroups(invited, responses);
    const releases = groups
      .map(({ key, family, group }, index) => ({
        key,
        context: { organisationId: caller.organisationId, family, minimum },
        group,
        // The scope's groups come in the same order (the same items, so the same keys and sides).
        scope: scope ? (scope.length === groups.length ? scope[index] : []) : undefined,
      }))
      .filter((release) => release.group.length > 0);
    // A result whose answers come from fewer than the minimum is blanked on its own; any other refusal (a
    // complement or a difference of too few people, or a combination that isolates someone) withholds everything.
    const tooFew = new Set<string>();
    for (const release of releases) {
      const refusal = await this.gate.refusal(release.context, release.group, release.scope);
      if (refusal === null) continue;
      if (refusal === 'belowMinimum') {
        tooFew.add(release.key);
        continue;
      }
      await this.audit.record({
        action: 'checks.results.suppressed',
        targetType: 'check_instrument',
        targetId: instrument.id,
        details: { groupKey, reason: refusal },
      });
      return { minimumGroupSize: minimum, suppressed: true, reason: 'differencing', dimensions: [] };
    }
    const analysed = analyseGroup(items, invited, responses, minimum);
    const result = { ...analysed, dimensions: analysed.dimensions.map((d) => (tooFew.has(d.key) ? suppressedResult(d.key) : d)) };
    for (const release of releases) if (!tooFew.has(release.key)) await this.gate.record(release.context, release.group);
    return result;
  }
}

/** Which group a results read was about, as the audit trail names it. */
function resultsGroupKey(query: ResultsQuery): string {
  return JSON.stringify([query.unitId ?? null, query.areaId ?? null, query.roleTitle ?? null, query.employmentType ?? null]);
}

/** Items of every version in the group, by key; a key keeps its latest version's definition. */
function mergeItems(versions: VersionRow[]): CheckItem[] {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  const byKey = new Map<string, CheckItem>();
  for (const version of ordered) for (const item of version.items) if (!byKey.has(item.key)) byKey.set(item.key, item);
  return [...byKey.values()];
}
