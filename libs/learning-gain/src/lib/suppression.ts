/**
 * Minimum group size (small-cell suppression) so that no figure can be traced to a person.
 *
 * Rules:
 * 1. A group with fewer than `minimum` persons is not shown (primary suppression). Default minimum 5;
 *    a smaller minimum may be configured but never below 3 (it is raised to 3).
 * 2. Difference (complementary) rule: when a total and a subgroup are both shown, the rest of the total
 *    (total − subgroup) can be derived by subtraction, so it must also have at least `minimum` persons,
 *    otherwise the subgroup is suppressed too. A rest of exactly 0 is allowed: it contains nobody.
 * 3. Partitions (subgroups that split the total without overlap, e.g. by role): if the suppressed
 *    subgroups together hold fewer than `minimum` persons, or only one non-empty subgroup is suppressed,
 *    their figure could be derived from the total minus the shown ones; the smallest shown subgroup is then
 *    suppressed as well (secondary suppression), repeatedly.
 * 4. If the total itself is below the minimum, everything is suppressed.
 *
 * Nested breakdowns (area → unit → role) are handled by applying the decision at each level with the
 * parent as total. Subgroups that overlap (not a partition) only get rules 1, 2 and 4.
 */

export const DEFAULT_MINIMUM_GROUP_SIZE = 5;
export const ABSOLUTE_MINIMUM_GROUP_SIZE = 3;

export type SuppressionReason = 'belowMinimum' | 'complementary' | 'secondary' | 'totalSuppressed';

export interface SubgroupSize {
  key: string;
  n: number;
}

export interface SuppressionInput {
  /** Persons in the total (e.g. the unit). */
  total: number;
  /** Subgroups that would be shown next to the total. */
  subgroups?: readonly SubgroupSize[];
  /** Configured minimum; default 5, raised to 3 if lower. */
  minimum?: number;
  /** The subgroups split the total without overlap (their sizes must add up to the total). */
  partition?: boolean;
}

export interface SuppressionDecision {
  key: string;
  n: number;
  suppressed: boolean;
  reason: SuppressionReason | null;
}

export interface SuppressionResult {
  /** The minimum actually applied. */
  minimum: number;
  total: { n: number; suppressed: boolean; reason: SuppressionReason | null };
  subgroups: SuppressionDecision[];
}

/** The minimum actually applied: default 5, whole number, never below 3. */
export function effectiveMinimum(minimum?: number | null): number {
  if (minimum === undefined || minimum === null) return DEFAULT_MINIMUM_GROUP_SIZE;
  if (!Number.isFinite(minimum)) throw new RangeError(`minimum group size must be a finite number, got ${minimum}`);
  return Math.max(ABSOLUTE_MINIMUM_GROUP_SIZE, Math.ceil(minimum));
}

/** True when a group of n persons must not be shown on its own (n below the minimum). */
export function isBelowMinimum(n: number, minimum?: number | null): boolean {
  assertCount(n, 'n');
  return n < effectiveMinimum(minimum);
}

/** The value, or null when the group behind it is below the minimum. */
export function valueIfAllowed<T>(n: number, value: T, minimum?: number | null): T | null {
  return isBelowMinimum(n, minimum) ? null : value;
}

/** Decides which of a total and its subgroups may be shown. */
export function decideSuppression(input: SuppressionInput): SuppressionResult {
  const minimum = effectiveMinimum(input.minimum);
  const total = input.total;
  assertCount(total, 'total');
  const subgroups = input.subgroups ?? [];
  const keys = new Set<string>();
  for (const s of subgroups) {
    assertCount(s.n, `subgroup ${s.key}`);
    if (s.n > total) throw new RangeError(`subgroup ${s.key} (${s.n}) is larger than the total (${total})`);
    if (keys.has(s.key)) throw new RangeError(`subgroup ${s.key} appears more than once`);
    keys.add(s.key);
  }
  if (input.partition) {
    const sum = subgroups.reduce((acc, s) => acc + s.n, 0);
    if (sum !== total) throw new RangeError(`partition: subgroups add up to ${sum}, not to the total ${total}`);
  }

  const decisions: SuppressionDecision[] = subgroups.map((s) => ({ key: s.key, n: s.n, suppressed: false, reason: null }));
  if (total < minimum) {
    for (const d of decisions) {
      d.suppressed = true;
      d.reason = 'totalSuppressed';
    }
    return { minimum, total: { n: total, suppressed: true, reason: 'belowMinimum' }, subgroups: decisions };
  }

  for (const d of decisions) {
    if (d.n < minimum) {
      d.suppressed = true;
      d.reason = 'belowMinimum';
    }
  }
  for (const d of decisions) {
    const rest = total - d.n;
    if (!d.suppressed && rest > 0 && rest < minimum) {
      d.suppressed = true;
      d.reason = 'complementary';
    }
  }

  if (input.partition) {
    for (;;) {
      const hidden = decisions.filter((d) => d.suppressed);
      const hiddenSum = hidden.reduce((acc, d) => acc + d.n, 0);
      const hiddenNonEmpty = hidden.filter((d) => d.n > 0).length;
      const exposed = hiddenSum > 0 && (hiddenSum < minimum || hiddenNonEmpty === 1);
      const shown = decisions.filter((d) => !d.suppressed);
      if (!exposed || shown.length === 0) break;
      const smallest = shown.reduce((a, b) => (b.n < a.n ? b : a));
      smallest.suppressed = true;
      smallest.reason = 'secondary';
    }
  }

  return { minimum, total: { n: total, suppressed: false, reason: null }, subgroups: decisions };
}

function assertCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${n}`);
}
