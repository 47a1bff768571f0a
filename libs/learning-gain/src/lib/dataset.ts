import { assertScore, sameScale, validateScale } from './scales';
import { DECLINED, type Answer, type DimensionInput, type Scale } from './types';

export type Side = 'before' | 'after' | 'then';
export const SIDES: readonly Side[] = ['before', 'after', 'then'];

export type SideValue = { status: 'scored'; value: number } | { status: 'declined' } | { status: 'noAnswer' };

interface PersonRow {
  before: SideValue;
  after: SideValue;
  then: SideValue;
  sessions: number | null;
}

/** Values of several sides for one person, aligned on the same dimensions. */
export interface AlignedRow {
  personId: string;
  values: number[];
  sessions: number | null;
}

/**
 * Validated person-level data of one dimension, or of several dimensions on the same scale combined into
 * an overall composite.
 *
 * Composite rule (so that before and after compare the same questions): for a set of sides, a person's
 * value on each side is the mean over the dimensions where ALL those sides are scored. For example, a
 * person who answered dimensions A and B before but only A after is paired on A alone. A person's value
 * on a single side (response figures, drop-outs' baseline) is the mean over the dimensions where that side
 * is scored. The sessions attended are the largest number given for the person in any dimension.
 * With one dimension these rules reduce to the plain values.
 */
export class Dataset {
  readonly personIds: readonly string[];
  /** Person-major layout: for each person, their row in each dimension (undefined = not in that dimension). */
  private readonly byPerson: ReadonlyMap<string, readonly (PersonRow | undefined)[]>;
  private readonly sessionsByPerson = new Map<string, number | null>();
  private readonly sideCache = new Map<Side, Map<string, SideValue>>();
  private readonly alignedCache = new Map<string, AlignedRow[]>();

  private constructor(
    readonly key: string,
    readonly scale: Scale,
    readonly dimensionKeys: readonly string[],
    dimensions: readonly ReadonlyMap<string, PersonRow>[],
  ) {
    const byPerson = new Map<string, (PersonRow | undefined)[]>();
    dimensions.forEach((dimension, index) => {
      for (const [id, row] of dimension) {
        let rows = byPerson.get(id);
        if (!rows) {
          rows = new Array<PersonRow | undefined>(dimensions.length).fill(undefined);
          byPerson.set(id, rows);
        }
        rows[index] = row;
      }
    });
    this.byPerson = byPerson;
    this.personIds = [...byPerson.keys()];
    for (const [id, rows] of byPerson) {
      let best: number | null = null;
      for (const row of rows) {
        const s = row?.sessions ?? null;
        if (s !== null && (best === null || s > best)) best = s;
      }
      this.sessionsByPerson.set(id, best);
    }
  }

  static fromDimension(input: DimensionInput): Dataset {
    return new Dataset(input.key, validateScale(input.scale), [input.key], [normaliseRows(input)]);
  }

  /** Composite of several dimensions; they must share one scale. */
  static composite(key: string, inputs: readonly DimensionInput[]): Dataset {
    if (inputs.length === 0) throw new RangeError('composite: at least one dimension is needed');
    const scale = validateScale(inputs[0].scale);
    for (const input of inputs) {
      if (!sameScale(scale, input.scale)) {
        throw new RangeError(`composite ${key}: dimension ${input.key} has a different scale`);
      }
    }
    return new Dataset(
      key,
      scale,
      inputs.map((i) => i.key),
      inputs.map(normaliseRows),
    );
  }

  /** The person's status on one side (noAnswer for an unknown person). */
  side(personId: string, side: Side): SideValue {
    let cache = this.sideCache.get(side);
    if (!cache) {
      cache = new Map();
      for (const [id, rows] of this.byPerson) cache.set(id, combineSide(rows, side));
      this.sideCache.set(side, cache);
    }
    return cache.get(personId) ?? { status: 'noAnswer' };
  }

  /** Persons with all `sides` scored on at least one common dimension, with their aligned values. */
  aligned(sides: readonly Side[]): AlignedRow[] {
    const key = sides.join(',');
    const cached = this.alignedCache.get(key);
    if (cached) return cached;
    const result: AlignedRow[] = [];
    const sums = new Array<number>(sides.length);
    for (const [personId, rows] of this.byPerson) {
      sums.fill(0);
      let count = 0;
      for (const row of rows) {
        if (!row || !sides.every((s) => row[s].status === 'scored')) continue;
        count++;
        sides.forEach((s, i) => (sums[i] += (row[s] as { value: number }).value));
      }
      if (count > 0) {
        result.push({ personId, values: sums.map((total) => total / count), sessions: this.sessions(personId) });
      }
    }
    this.alignedCache.set(key, result);
    return result;
  }

  sessions(personId: string): number | null {
    return this.sessionsByPerson.get(personId) ?? null;
  }
}

/** A person's value on one side across dimensions: mean of the scored ones, else declined, else no answer. */
function combineSide(rows: readonly (PersonRow | undefined)[], side: Side): SideValue {
  let total = 0;
  let count = 0;
  let declined = false;
  for (const row of rows) {
    const value = row?.[side];
    if (value?.status === 'scored') {
      total += value.value;
      count++;
    } else if (value?.status === 'declined') {
      declined = true;
    }
  }
  if (count > 0) return { status: 'scored', value: total / count };
  return declined ? { status: 'declined' } : { status: 'noAnswer' };
}

function normaliseRows(input: DimensionInput): Map<string, PersonRow> {
  if (typeof input.key !== 'string' || input.key.length === 0) throw new RangeError('dimension key must be a non-empty string');
  const scale = validateScale(input.scale);
  const rows = new Map<string, PersonRow>();
  for (const record of input.records) {
    const id = record.personId;
    if (typeof id !== 'string' || id.length === 0) throw new RangeError(`dimension ${input.key}: personId must be a non-empty string`);
    if (rows.has(id)) throw new RangeError(`dimension ${input.key}: person ${id} appears more than once`);
    const where = (side: Side) => `dimension ${input.key}, person ${id}, ${side}`;
    const sessions = record.sessionsAttended ?? null;
    if (sessions !== null && !(Number.isInteger(sessions) && sessions >= 0)) {
      throw new RangeError(`dimension ${input.key}, person ${id}: sessionsAttended must be a whole number ≥ 0, got ${sessions}`);
    }
    rows.set(id, {
      before: toSideValue(scale, record.before, where('before')),
      after: toSideValue(scale, record.after, where('after')),
      then: toSideValue(scale, record.then, where('then')),
      sessions,
    });
  }
  return rows;
}

function toSideValue(scale: Scale, answer: Answer, where: string): SideValue {
  if (answer === undefined || answer === null) return { status: 'noAnswer' };
  if (answer === DECLINED) return { status: 'declined' };
  if (typeof answer !== 'number') throw new RangeError(`${where}: answer must be a number, '${DECLINED}' or empty`);
  assertScore(scale, answer, where);
  return { status: 'scored', value: answer };
}
