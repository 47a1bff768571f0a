import { groupBy } from '../../common/group-by';
import {
  CheckItem,
  COMPETENCE_DIMENSIONS,
  CompetenceFigures,
  CompetenceGroup,
  CompetenceMeasureKey,
  CompetenceSuppressionReason,
  CompetenceTrendQuarter,
  ParticipationGrouping,
} from '@kunna/contracts';
import { analyseOverall, decideSuppression, DimensionInput, protectAnalysis } from '@kunna/learning-gain';
import { type InvitedPerson, type LevelElement, pairElements, pairRecords, ratedInputs, type ResponseData } from '../../checks';
import { differencingRisk, percent, round2 } from '../shared/insight-figures';

/** One person asked in one check, with where they work and what they answered there. */
export interface CompetenceRecord {
  key: string;
  personId: string;
  versionId: string;
  unitId: string;
  unitName: string;
  areaId: string;
  areaName: string;
  roleTitle: string | null;
  employmentType: string;
  /** The check's first round: the check counts in the period it starts in. */
  firstOpensOn: string;
  before?: ResponseData;
  after?: ResponseData;
}

export interface CompetenceFilters {
  areaId: string | null;
  unitId: string | null;
  roleTitle: string | null;
  employmentType: string | null;
}

export const MEASURES: readonly CompetenceMeasureKey[] = [...COMPETENCE_DIMENSIONS, 'overall'];

/** Joins the checks' invitations and responses into records (pairing rules from the checks aggregate). */
export function competenceRecords(input: {
  assignments: ReadonlyArray<{ id: string; versionId: string; unitId: string; unitName: string; areaId: string; areaName: string; firstOpensOn: string }>;
  invited: readonly InvitedPerson[];
  responses: readonly ResponseData[];
  people: ReadonlyArray<{ id: string; roleTitle: string | null; employmentType: string }>;
}): CompetenceRecord[] {
  const assignments = new Map(input.assignments.map((a) => [a.id, a]));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const records: CompetenceRecord[] = [];
  for (const [key, entry] of pairRecords(input.invited, input.responses)) {
    const separator = key.indexOf(':');
    const assignment = assignments.get(key.slice(0, separator));
    const person = people.get(key.slice(separator + 1));
    if (!assignment || !person) continue;
    records.push({
      key,
      personId: person.id,
      versionId: assignment.versionId,
      unitId: assignment.unitId,
      unitName: assignment.unitName,
      areaId: assignment.areaId,
      areaName: assignment.areaName,
      roleTitle: person.roleTitle,
      employmentType: person.employmentType,
      firstOpensOn: assignment.firstOpensOn,
      before: entry.before,
      after: entry.after,
    });
  }
  return records;
}

/** What a view's filters look at: the check's unit and area, the person's role title and employment type. */
export type Filterable = Pick<CompetenceRecord, 'areaId' | 'unitId' | 'roleTitle' | 'employmentType'>;

export function matchesFilters(record: Filterable, filters: CompetenceFilters): boolean {
  return (
    (filters.areaId === null || record.areaId === filters.areaId) &&
    (filters.unitId === null || record.unitId === filters.unitId) &&
    (filters.roleTitle === null || (record.roleTitle ?? '').toLowerCase() === filters.roleTitle.toLowerCase()) &&
    (filters.employmentType === null || record.employmentType === filters.employmentType)
  );
}

export function distinctPeople(records: ReadonlyArray<{ personId: string }>): number {
  return new Set(records.map((r) => r.personId)).size;
}

/**
 * The views a filtered view could be subtracted from: the same scope with any non-empty subset of its filters
 * removed (the caller may ask for each of them).
 */
export function parentViews<T extends Filterable>(scope: readonly T[], filters: CompetenceFilters): T[][] {
  const active = (Object.keys(filters) as Array<keyof CompetenceFilters>).filter((name) => filters[name] !== null);
  const parents: T[][] = [];
  for (let mask = 1; mask < 1 << active.length; mask++) {
    const parentFilters = { ...filters };
    active.forEach((name, index) => {
      if (mask & (1 << index)) parentFilters[name] = null;
    });
    parents.push(scope.filter((r) => matchesFilters(r, parentFilters)));
  }
  return parents;
}

const GROUPING_OF: Record<keyof CompetenceFilters, ParticipationGrouping> = {
  areaId: ParticipationGrouping.Area,
  unitId: ParticipationGrouping.Unit,
  roleTitle: ParticipationGrouping.RoleTitle,
  employmentType: ParticipationGrouping.EmploymentType,
};

/**
 * Whether a filtered view must be withheld because it would reveal what another view withholds: it differs from a
 * parent view (any of its filters removed) by too few people, or its filter picks a group the parent's breakdown by
 * that filter suppresses (for example a unit hidden by secondary suppression, which the total minus the other units
 * and this unit would reveal).
 */
export function filteredViewHidden(scope: readonly CompetenceRecord[], filters: CompetenceFilters, minimum: number): boolean {
  const shown = distinctPeople(scope.filter((r) => matchesFilters(r, filters)));
  if (differencingRisk(shown, parentViews(scope, filters).map(distinctPeople), minimum)) return true;
  for (const name of Object.keys(GROUPING_OF) as Array<keyof CompetenceFilters>) {
    const value = filters[name];
    if (value === null) continue;
    const parent = scope.filter((r) => matchesFilters(r, { ...filters, [name]: null }));
    const grouping = GROUPING_OF[name];
    const drafts = groupRecords(parent, grouping);
    const key = name === 'roleTitle' ? value.trim().toLowerCase() : value;
    if (groupDecisions(parent, drafts, grouping, minimum).get(key)) return true;
  }
  return false;
}

/** The composite inputs of one dimension (or all four for 'overall') over the records, per instrument version. */
export function inputsFor(
  records: readonly CompetenceRecord[],
  items: ReadonlyMap<string, readonly CheckItem[]>,
  measure: CompetenceMeasureKey,
): DimensionInput[] {
  const dimensions = measure === 'overall' ? COMPETENCE_DIMENSIONS : [measure];
  const byVersion = groupBy(records, (record) => record.versionId);
  const inputs: DimensionInput[] = [];
  for (const [versionId, versionRecords] of byVersion) {
    const paired = versionRecords.map((r): [string, { before?: ResponseData; after?: ResponseData }] => [r.key, { before: r.before, after: r.after }]);
    for (const dimension of dimensions) inputs.push(...ratedInputs(items.get(versionId) ?? [], paired, dimension, `${versionId}:`));
  }
  return inputs;
}

/**
 * The values behind a measure's figures for the privacy gate, per dimension (family `rating:<dimension>`, shared with
 * check results and the trend): the pairs' before responses and after responses. Overall is made of every
 * dimension's answers, so it passes the gate of each dimension it holds.
 */
export function gateGroups(
  records: readonly CompetenceRecord[],
  items: ReadonlyMap<string, readonly CheckItem[]>,
  measure: CompetenceMeasureKey,
): Array<{ dimension: string; before: LevelElement[]; after: LevelElement[] }> {
  const dimensions = measure === 'overall' ? COMPETENCE_DIMENSIONS : [measure];
  const byVersion = [...groupBy(records, (record) => record.versionId)];
  return dimensions.map((dimension) => {
    const before: LevelElement[] = [];
    const after: LevelElement[] = [];
    for (const [versionId, versionRecords] of byVersion) {
      const paired = versionRecords.map((r): [string, { before?: ResponseData; after?: ResponseData }] => [r.key, { before: r.before, after: r.after }]);
      const elements = pairElements(items.get(versionId) ?? [], paired, dimension);
      before.push(...elements.before);
      after.push(...elements.after);
    }
    return { dimension, before, after };
  });
}

export const SUPPRESSED = (dimension: CompetenceMeasureKey): CompetenceFigures => ({
  dimension,
  invited: null,
  pairs: null,
  responseRate: null,
  meanBefore: null,
  meanAfter: null,
  meanChange: null,
  confidenceInterval: null,
  lowestBefore: null,
  lowestAfter: null,
  suppressed: true,
});

/** Before/after of one measure for a group already allowed by the group decision; `protectAnalysis` withholds the rest. */
export function figures(
  records: readonly CompetenceRecord[],
  items: ReadonlyMap<string, readonly CheckItem[]>,
  measure: CompetenceMeasureKey,
  minimum: number,
): CompetenceFigures {
  const inputs = inputsFor(records, items, measure);
  if (inputs.length === 0) return { ...SUPPRESSED(measure), suppressed: false, invited: 0, pairs: 0 };
  const result = protectAnalysis(analyseOverall(measure, inputs), minimum);
  if (result.suppressed) return SUPPRESSED(measure);
  const { response, pairing, change, lowestLevel } = result.analysis;
  const ci = change?.confidenceInterval ?? null;
  return {
    dimension: measure,
    invited: response.invited,
    pairs: pairing.pairs,
    responseRate: percent(pairing.pairs, response.invited),
    meanBefore: nullable(change?.meanBefore),
    meanAfter: nullable(change?.meanAfter),
    meanChange: nullable(change?.meanChange),
    confidenceInterval: ci ? { lower: round2(ci.lower), upper: round2(ci.upper) } : null,
    lowestBefore: lowestLevel ? percent(lowestLevel.belowBefore, lowestLevel.n) : null,
    lowestAfter: lowestLevel ? percent(lowestLevel.belowAfter, lowestLevel.n) : null,
    suppressed: false,
  };
}

function nullable(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : round2(value);
}

export function groupFigures(
  base: { key: string; label: string; drillId: string | null; areaName: string | null },
  records: readonly CompetenceRecord[],
  items: ReadonlyMap<string, readonly CheckItem[]>,
  minimum: number,
  reason: CompetenceSuppressionReason | null,
): CompetenceGroup {
  const people = distinctPeople(records);
  if (reason) return { ...base, people, suppressed: true, reason, figures: MEASURES.map(SUPPRESSED) };
  return { ...base, people, suppressed: false, reason: null, figures: MEASURES.map((m) => figures(records, items, m, minimum)) };
}

interface GroupDraft {
  key: string;
  label: string;
  drillId: string | null;
  areaName: string | null;
  records: CompetenceRecord[];
}

export function groupRecords(records: readonly CompetenceRecord[], groupBy: ParticipationGrouping): GroupDraft[] {
  const groups = new Map<string, GroupDraft>();
  for (const record of records) {
    let draft: Omit<GroupDraft, 'records'>;
    if (groupBy === ParticipationGrouping.Area) draft = { key: record.areaId, label: record.areaName, drillId: record.areaId, areaName: null };
    else if (groupBy === ParticipationGrouping.Unit) draft = { key: record.unitId, label: record.unitName, drillId: record.unitId, areaName: record.areaName };
    else if (groupBy === ParticipationGrouping.RoleTitle) {
      const title = (record.roleTitle ?? '').trim().toLowerCase() || '–';
      draft = { key: title, label: title, drillId: null, areaName: null };
    } else draft = { key: record.employmentType, label: record.employmentType, drillId: null, areaName: null };
    const group = groups.get(draft.key) ?? { ...draft, records: [] };
    group.records.push(record);
    groups.set(draft.key, group);
  }
  return [...groups.values()].sort((a, b) => (a.areaName ?? '').localeCompare(b.areaName ?? '', 'sv') || a.label.localeCompare(b.label, 'sv'));
}

/**
 * Which groups may be shown beside the total, by `decideSuppression` (minimum, difference rule, secondary suppression
 * when the groups split the total). Units are also decided within their area, as the area total is shown elsewhere
 * (nested breakdowns take the parent as total at each level).
 */
export function groupDecisions(
  total: readonly CompetenceRecord[],
  groups: readonly GroupDraft[],
  groupBy: ParticipationGrouping,
  minimum: number,
): Map<string, CompetenceSuppressionReason | null> {
  const reasons = new Map<string, CompetenceSuppressionReason | null>(groups.map((g) => [g.key, null]));
  const apply = (parent: readonly CompetenceRecord[], members: readonly GroupDraft[]) => {
    const people = members.map((g) => ({ key: g.key, n: distinctPeople(g.records) }));
    const totalPeople = distinctPeople(parent);
    const partition = people.reduce((sum, g) => sum + g.n, 0) === totalPeople;
    const decision = decideSuppression({ total: totalPeople, subgroups: people, minimum, partition });
    for (const subgroup of decision.subgroups) if (subgroup.suppressed && !reasons.get(subgroup.key)) reasons.set(subgroup.key, subgroup.reason);
  };
  apply(total, groups);
  if (groupBy === ParticipationGrouping.Unit) {
    const areaIds = [...new Set(groups.map((g) => g.records[0].areaId))];
    for (const areaId of areaIds)
      apply(
        total.filter((r) => r.areaId === areaId),
        groups.filter((g) => g.records[0].areaId === areaId),
      );
  }
  return reasons;
}

/** The quarters overlapping the period, each clipped to it. */
export function quarters(from: string, to: string): Array<{ quarter: string; from: string; to: string }> {
  const result: Array<{ quarter: string; from: string; to: string }> = [];
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    if (start > to) break;
    const end = new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10);
    result.push({ quarter: `${year}-Q${q + 1}`, from: start < from ? from : start, to: end > to ? to : end });
    q++;
    if (q === 4) {
      q = 0;
      year++;
    }
  }
  return result;
}

/**
 * One submitted before or after response's level on one measure (from the kept `insight_response_level` rows: the
 * mean of its four-step ratings of the measure's items), with the round's opening day that places it in a quarter and
 * what the view's filters look at.
 */
export interface ResponseLevel extends Filterable {
  personId: string;
  responseId: string;
  measure: CompetenceMeasureKey;
  /** The round's opening day. */
  date: string;
  /** 1 for an after response: it wins over a before response of the same day. */
  rank: number;
  level: number;
}

/** Each person's latest level in the quarter, with the answer it comes from. */
function latestLevels(
  levels: readonly ResponseLevel[],
  quarter: { from: string; to: string },
  measure: CompetenceMeasureKey,
): Array<{ personId: string; responseId: string; level: number }> {
  const latest = new Map<string, { date: string; rank: number; level: number; responseId: string }>();
  for (const row of levels) {
    if (row.measure !== measure || row.date < quarter.from || row.date > quarter.to) continue;
    const current = latest.get(row.personId);
    if (!current || row.date > current.date || (row.date === current.date && row.rank > current.rank)) {
      latest.set(row.personId, { date: row.date, rank: row.rank, level: row.level, responseId: row.responseId });
    }
  }
  return [...latest].map(([personId, l]) => ({ personId, responseId: l.responseId, level: l.level }));
}

/** A trend point with the values behind its mean (for the privacy gate; not part of the answer). */
export type TrendPoint = CompetenceTrendQuarter['points'][number] & { responses: Array<{ responseId: string; personId: string }> };

/**
 * Mean level per dimension per quarter: each person's latest answer in the quarter (a round's opening date places it;
 * after wins over before on the same day). A point is withheld below the minimum, and when it could be subtracted
 * from the same point of a parent view (`parents`, see `parentViews`); every point when the view itself is `hidden`.
 * Each point carries the values its mean is made of, one per person: the answer and the level it gives.
 */
export function trend(
  levels: readonly ResponseLevel[],
  parents: ReadonlyArray<readonly ResponseLevel[]>,
  period: { from: string; to: string },
  minimum: number,
  hidden: boolean,
): Array<Omit<CompetenceTrendQuarter, 'points'> & { points: TrendPoint[] }> {
  return quarters(period.from, period.to).map((quarter) => ({
    ...quarter,
    points: MEASURES.map((measure) => {
      const latest = latestLevels(levels, quarter, measure);
      const people = latest.length;
      const parentPeople = parents.map((parent) => latestLevels(parent, quarter, measure).length);
      const suppressed =
        people > 0 && (hidden || decideSuppression({ total: people, minimum }).total.suppressed || differencingRisk(people, parentPeople, minimum));
      return {
        dimension: measure,
        people,
        mean: suppressed || people === 0 ? null : round2(latest.reduce((s, l) => s + l.level, 0) / people),
        suppressed,
        responses: latest.map((l) => ({ responseId: l.responseId, personId: l.personId })),
      };
    }),
  }));
}
