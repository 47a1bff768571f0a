import { CheckItem, CheckItemKind, CheckKind, CheckResults, COMPETENCE_DIMENSIONS, DimensionResult } from '@kunna/contracts';
import {
  analyseDimension,
  analyseOverall,
  DECLINED,
  DimensionInput,
  GainAnalysis,
  knowledgeScale,
  PersonAnswers,
  protectAnalysis,
  SELF_RATING_SCALE,
  type Answer,
} from '@kunna/learning-gain';
import { scorePerson, StoredAnswer } from './scoring';

/** One person's response at one round of an assignment. */
export interface ResponseData {
  responseId: string;
  personId: string;
  assignmentId: string;
  kind: CheckKind;
  status: 'in_progress' | 'submitted' | 'declined';
  answers: StoredAnswer[];
}

/** A person expected to answer one assignment (the denominator of response rates). */
export interface InvitedPerson {
  personId: string;
  assignmentId: string;
}

// Not a dimension name: the knowledge dimension's self-ratings are analysed under 'knowledge'.
export const KNOWLEDGE_KEY = 'knowledge_test';

/**
 * Learning gain for a group: one composite per competence dimension (self-rating and attitude items on the four
 * steps, with then items as the retrospective baseline) and the knowledge score, each protected with the
 * minimum group size. Pairs are matched per person within one assignment, so one person in two assignments
 * counts as two pairs of the same instrument, never mixed across assignments.
 */
export function analyseGroup(
  items: readonly CheckItem[],
  invited: readonly InvitedPerson[],
  responses: readonly ResponseData[],
  minimum: number,
): CheckResults {
  const dimensions = groupInputs(items, invited, responses).map(({ key, inputs }) =>
    toResult(key, key === KNOWLEDGE_KEY ? analyseDimension(inputs[0]) : analyseOverall(key, inputs), minimum),
  );
  return { minimumGroupSize: minimum, suppressed: false, reason: null, dimensions };
}

/**
 * What each of a group's results is computed from: per competence dimension its rated items, and the knowledge score
 * (one input), in the order the results list them. The privacy gate reads the same inputs to know whose values each
 * result holds.
 */
export function groupInputs(
  items: readonly CheckItem[],
  invited: readonly InvitedPerson[],
  responses: readonly ResponseData[],
): Array<{ key: string; inputs: DimensionInput[] }> {
  const records = pairRecords(invited, responses);
  const groups: Array<{ key: string; inputs: DimensionInput[] }> = [];
  for (const dimension of COMPETENCE_DIMENSIONS) {
    const inputs = ratedInputs(items, records, dimension);
    if (inputs.length) groups.push({ key: dimension, inputs });
  }
  if (items.some((item) => item.kind === CheckItemKind.Knowledge)) {
    const knowledge: DimensionInput = {
      key: KNOWLEDGE_KEY,
      scale: knowledgeScale(),
      records: records.map(([key, entry]) => ({
        personId: key,
        before: knowledgeOf(items, entry.before),
        after: knowledgeOf(items, entry.after),
      })),
    };
    groups.push({ key: KNOWLEDGE_KEY, inputs: [knowledge] });
  }
  return groups;
}

/** Before and after responses of one person in one assignment, keyed `assignmentId:personId`. */
export type PairedRecords = Array<[string, { before?: ResponseData; after?: ResponseData }]>;

/**
 * Matches each invited person's before and after response within one assignment (follow-ups and unfinished
 * responses left out). Everyone invited gets a record, answered or not, so response rates have their denominator.
 */
export function pairRecords(invited: readonly InvitedPerson[], responses: readonly ResponseData[]): PairedRecords {
  const byRecord = new Map<string, { before?: ResponseData; after?: ResponseData }>();
  const recordKey = (assignmentId: string, personId: string) => `${assignmentId}:${personId}`;
  for (const person of invited) byRecord.set(recordKey(person.assignmentId, person.personId), {});
  for (const response of responses) {
    if (response.status === 'in_progress' || response.kind === CheckKind.FollowUp) continue;
    const key = recordKey(response.assignmentId, response.personId);
    const entry = byRecord.get(key) ?? {};
    if (response.kind === CheckKind.Before) entry.before = response;
    else entry.after = response;
    byRecord.set(key, entry);
  }
  return [...byRecord.entries()];
}

/**
 * The four-step items (self-ratings and attitudes) of one dimension as inputs to the composite, with then items as
 * the retrospective baseline. `keyPrefix` keeps apart equal item keys of different instruments.
 */
export function ratedInputs(items: readonly CheckItem[], records: PairedRecords, dimension: string, keyPrefix = ''): DimensionInput[] {
  const rated = items.filter((item) => (item.kind === CheckItemKind.SelfRating || item.kind === CheckItemKind.Attitude) && item.dimension === dimension);
  return rated.map((item) => {
    const thenItem = items.find((other) => other.kind === CheckItemKind.Then && other.thenOf === item.key);
    return {
      key: keyPrefix + item.key,
      scale: SELF_RATING_SCALE,
      records: records.map(([key, entry]): PersonAnswers => ({
        personId: key,
        before: ratingOf(entry.before, item.key),
        after: ratingOf(entry.after, item.key),
        then: thenItem ? ratingOf(entry.after, thenItem.key) : undefined,
      })),
    };
  });
}

function ratingOf(response: ResponseData | undefined, itemKey: string): Answer {
  if (!response) return undefined;
  if (response.status === 'declined') return DECLINED;
  const answer = response.answers.find((a) => a.itemKey === itemKey);
  if (!answer) return undefined;
  return answer.declined ? DECLINED : (answer.value?.rating ?? undefined);
}

function knowledgeOf(items: readonly CheckItem[], response: ResponseData | undefined): Answer {
  if (!response) return undefined;
  if (response.status === 'declined') return DECLINED;
  return scorePerson(items, response.answers).knowledge ?? undefined;
}

/** A result of which nothing is shown. */
export function suppressedResult(key: string): DimensionResult {
  return {
    key,
    invited: 0,
    pairs: 0,
    meanBefore: null,
    meanAfter: null,
    meanChange: null,
    confidenceInterval: null,
    effectSizeDz: null,
    shareImproved: null,
    withheld: [],
    suppressed: true,
  };
}

function toResult(key: string, analysis: GainAnalysis, minimum: number): DimensionResult {
  const protectedResult = protectAnalysis(analysis, minimum);
  if (protectedResult.suppressed) return suppressedResult(key);
  const { change, direction, response, pairing } = protectedResult.analysis;
  return {
    key,
    invited: response.invited,
    pairs: pairing.pairs,
    meanBefore: change?.meanBefore ?? null,
    meanAfter: change?.meanAfter ?? null,
    meanChange: change?.meanChange ?? null,
    confidenceInterval: change?.confidenceInterval ? { lower: change.confidenceInterval.lower, upper: change.confidenceInterval.upper } : null,
    effectSizeDz: change?.effectSizes.dz ?? null,
    shareImproved: direction?.shareImproved ?? null,
    withheld: protectedResult.withheld,
    suppressed: false,
  };
}

/** One value behind an aggregate, for the privacy gate (`GateElement` in api/src/privacy). */
export interface LevelElement {
  value: string;
  person: string;
}

/**
 * A response's four-step ratings (self-ratings and attitudes, declined left out) on a dimension's items: the value
 * the competence trend keeps per response (`insight_response_level`), as `responseId|sum/count`, or null without any.
 */
export function responseLevelKey(items: readonly CheckItem[], response: ResponseData | undefined, dimension: string): string | null {
  if (!response || response.status !== 'submitted') return null;
  const rated = ratedKeys(items, dimension);
  let sum = 0;
  let count = 0;
  for (const answer of response.answers) {
    const rating = answer.value?.rating;
    if (!rated.has(answer.itemKey) || answer.declined || typeof rating !== 'number') continue;
    sum += rating;
    count++;
  }
  return count === 0 ? null : `${response.responseId}|${sum}/${count}`;
}

// A heat map asks for every record's key per dimension: each instrument's rated items are found once.
const ratedKeysOf = new WeakMap<readonly CheckItem[], Map<string, Set<string>>>();
function ratedKeys(items: readonly CheckItem[], dimension: string): Set<string> {
  const byDimension = ratedKeysOf.get(items) ?? new Map<string, Set<string>>();
  ratedKeysOf.set(items, byDimension);
  let keys = byDimension.get(dimension);
  if (!keys) {
    keys = new Set(
      items
        .filter((item) => (item.kind === CheckItemKind.SelfRating || item.kind === CheckItemKind.Attitude) && item.dimension === dimension)
        .map((item) => item.key),
    );
    byDimension.set(dimension, keys);
  }
  return keys;
}

/**
 * The values a dimension's before/after figures are computed from, for the privacy gate: the before responses and the
 * after responses of the records with a pair on the dimension, each identified like the trend identifies it
 * (`responseLevelKey`), so that a breakdown, check results and the trend read the same person's answer as the same
 * value. Means before and after are each a group of their own.
 */
export function pairElements(items: readonly CheckItem[], records: PairedRecords, dimension: string): { before: LevelElement[]; after: LevelElement[] } {
  const before: LevelElement[] = [];
  const after: LevelElement[] = [];
  for (const [, entry] of records) {
    const afterKey = responseLevelKey(items, entry.after, dimension);
    const beforeKey = responseLevelKey(items, entry.before, dimension);
    // A retrospective then answer (in the after response) stands in for a missing before.
    const thenOnly = beforeKey === null && afterKey !== null && hasThen(items, entry.after, dimension);
    if (afterKey === null || (beforeKey === null && !thenOnly)) continue;
    const person = entry.after!.personId;
    if (beforeKey !== null) before.push({ value: beforeKey, person });
    after.push({ value: afterKey, person });
  }
  return { before, after };
}

function hasThen(items: readonly CheckItem[], response: ResponseData | undefined, dimension: string): boolean {
  const thenKeys = new Set(
    items
      .filter((item) => item.kind === CheckItemKind.Then && items.some((other) => other.key === item.thenOf && other.dimension === dimension))
      .map((item) => item.key),
  );
  return !!response?.answers.some((answer) => thenKeys.has(answer.itemKey) && !answer.declined && typeof answer.value?.rating === 'number');
}
