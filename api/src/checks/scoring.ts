import { createHash } from 'node:crypto';
import {
  CheckAnswerValue,
  CheckItem,
  CheckItemKind,
  CheckKind,
  CheckQuestion,
  CompetenceDimension,
  ITEM_KIND_PHASES,
  ParallelForm,
  RATED_ITEM_KINDS,
} from '@kunna/contracts';

/**
 * Parallel forms: half of the people get form A at the before check and B after, the other half the other
 * way round, so nobody answers the same knowledge question twice and both forms are used at each check.
 * The follow-up repeats the before form. Deterministic, so a resumed or retried answer keeps its form.
 */
export function formFor(personId: string, assignmentId: string, kind: CheckKind): ParallelForm {
  const firstByte = createHash('sha256').update(`${assignmentId}:${personId}`).digest()[0];
  const beforeForm: ParallelForm = firstByte % 2 === 0 ? 'A' : 'B';
  if (kind === CheckKind.After) return beforeForm === 'A' ? 'B' : 'A';
  return beforeForm;
}

/** The items a person answers at this kind of check (observation items are rated by an ambassador). */
export function itemsFor(items: readonly CheckItem[], kind: CheckKind, form: ParallelForm): CheckItem[] {
  return items.filter(
    (item) =>
      item.kind !== CheckItemKind.Observation &&
      ITEM_KIND_PHASES[item.kind].includes(kind) &&
      (item.kind !== CheckItemKind.Knowledge || item.form === null || item.form === form),
  );
}

/** What the person is shown: never which option is right. */
export function toQuestion(item: CheckItem): CheckQuestion {
  return {
    key: item.key,
    kind: item.kind,
    textSv: item.textSv,
    textEn: item.textEn,
    multiple: item.multiple,
    options: item.options.map(({ key, textSv, textEn }) => ({ key, textSv, textEn })),
  };
}

/** A valid value for the item, normalised, or a plain-Swedish message for the `value` field. */
export function readAnswer(item: CheckItem, value: unknown): { ok: true; value: CheckAnswerValue } | { ok: false; message: string } {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (!record) return { ok: false, message: 'Svaret saknas.' };
  if (RATED_ITEM_KINDS.includes(item.kind)) {
    const rating = record['rating'];
    if (Object.keys(record).length !== 1 || typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 4) {
      return { ok: false, message: 'Välj ett av de fyra svaren.' };
    }
    return { ok: true, value: { rating } };
  }
  if (item.kind === CheckItemKind.Knowledge) {
    const options = record['options'];
    if (Object.keys(record).length !== 1 || !Array.isArray(options) || options.length === 0) return { ok: false, message: 'Välj ett svar.' };
    const known = new Set(item.options.map((o) => o.key));
    if (!options.every((o): o is string => typeof o === 'string' && known.has(o)) || new Set(options).size !== options.length) {
      return { ok: false, message: 'Välj bland svarsalternativen.' };
    }
    if (!item.multiple && options.length !== 1) return { ok: false, message: 'Välj ett svar.' };
    return { ok: true, value: { options: [...options].sort() } };
  }
  const choice = record['choice'];
  if (Object.keys(record).length !== 1 || (choice !== 'yes' && choice !== 'partly' && choice !== 'no')) {
    return { ok: false, message: 'Välj ja, delvis eller nej.' };
  }
  return { ok: true, value: { choice } };
}

/** All right options chosen and nothing else. */
export function isCorrect(item: CheckItem, value: CheckAnswerValue): boolean {
  const right = item.options
    .filter((o) => o.correct)
    .map((o) => o.key)
    .sort();
  const chosen = [...(value.options ?? [])].sort();
  return right.length === chosen.length && right.every((key, i) => key === chosen[i]);
}

export interface StoredAnswer {
  itemKey: string;
  declined: boolean;
  value: CheckAnswerValue | null;
}

/** One person's scores at one check; declined answers count nowhere. */
export interface PersonScores {
  /** Mean of self-rating and attitude answers per dimension (1–4). */
  dimensions: Partial<Record<CompetenceDimension, number>>;
  /** Mean of all self-rating answers: what the support signal compares with the threshold. */
  selfRating: number | null;
  /** Share of knowledge questions answered right (0–1). */
  knowledge: number | null;
  /** Mean of the retrospective "then" answers per dimension. */
  then: Partial<Record<CompetenceDimension, number>>;
  /** Mean of observation ratings per dimension. */
  observation: Partial<Record<CompetenceDimension, number>>;
}

export function scorePerson(items: readonly CheckItem[], answers: readonly StoredAnswer[]): PersonScores {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const dims = new Map<CompetenceDimension, number[]>();
  const then = new Map<CompetenceDimension, number[]>();
  const observed = new Map<CompetenceDimension, number[]>();
  const selfRatings: number[] = [];
  let knowledgeRight = 0;
  let knowledgeAnswered = 0;
  for (const answer of answers) {
    const item = byKey.get(answer.itemKey);
    if (!item || answer.declined || !answer.value) continue;
    const rating = answer.value.rating;
    if ((item.kind === CheckItemKind.SelfRating || item.kind === CheckItemKind.Attitude) && rating && item.dimension) {
      push(dims, item.dimension, rating);
      if (item.kind === CheckItemKind.SelfRating) selfRatings.push(rating);
    } else if (item.kind === CheckItemKind.Then && rating && item.dimension) {
      push(then, item.dimension, rating);
    } else if (item.kind === CheckItemKind.Observation && rating && item.dimension) {
      push(observed, item.dimension, rating);
    } else if (item.kind === CheckItemKind.Knowledge) {
      knowledgeAnswered++;
      if (isCorrect(item, answer.value)) knowledgeRight++;
    }
  }
  return {
    dimensions: means(dims),
    selfRating: selfRatings.length ? average(selfRatings) : null,
    knowledge: knowledgeAnswered ? knowledgeRight / knowledgeAnswered : null,
    then: means(then),
    observation: means(observed),
  };
}

/** Share right below this is a support signal too: fewer than half of the knowledge questions right. */
export const KNOWLEDGE_SUPPORT_THRESHOLD = 0.5;

/** "May need support": the mean self-rating is below the instrument's threshold, or half the knowledge is missing. */
export function needsSupport(scores: PersonScores, threshold: number): boolean {
  if (scores.selfRating !== null && scores.selfRating < threshold) return true;
  return scores.knowledge !== null && scores.knowledge < KNOWLEDGE_SUPPORT_THRESHOLD;
}

function push(map: Map<CompetenceDimension, number[]>, key: CompetenceDimension, value: number): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function means(map: Map<CompetenceDimension, number[]>): Partial<Record<CompetenceDimension, number>> {
  const out: Partial<Record<CompetenceDimension, number>> = {};
  for (const [key, values] of map) out[key] = average(values);
  return out;
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
