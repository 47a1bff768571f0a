import { effectiveMinimum } from './suppression';

/**
 * The differencing rules of the privacy gate: whether an aggregate over a group may be released, given every group
 * already released for the same kind of value.
 *
 * A released aggregate (a count, a mean, a sum) is a linear function of the values of its members. An attacker who
 * sees several of them can add and subtract: every vector in the span of the released membership vectors is a
 * figure they know. The rules below refuse a group when:
 * - it has members of fewer than `minimum` people (`belowMinimum`);
 * - its complement inside the view's unfiltered scope has 1 … minimum − 1 people (`complementary`), so that
 *   releasing the scope later would reveal that complement;
 * - it differs from a group released earlier by 1 … minimum − 1 people on either side (`differencing`): over time (a
 *   person's answer arrived or changed, so the same group now holds a new value of theirs), across filters and across
 *   periods alike;
 * - with it, some group of fewer than `minimum` people that always appear together (an atom of the released sets:
 *   people in exactly the same groups) becomes an exact linear combination of released groups (`derivable`). This
 *   covers combinations of three or more releases that no pairwise rule sees (A + B − A∪B = A∩B).
 *
 * Members are elements, not people: an element is one value of one person (for example their answers in one check,
 * with a version that changes whenever those answers do), so "the same group a week later" differs by the
 * elements whose value changed. Distances are counted in distinct people.
 *
 * The span test eliminates over two primes near 2^26 in floating-point arithmetic (exact below 2^53): a row is found
 * to isolate an atom only if it does so modulo a prime, and the elimination over the rationals can only isolate an
 * atom that some prime also isolates unless both primes divide a minor of the membership matrix. The gate refuses
 * when either prime finds a derivable atom. Tests check it against exact rational elimination.
 */

export type ReleaseRefusal = 'belowMinimum' | 'complementary' | 'differencing' | 'derivable';

/** One value of one person inside a group. */
export interface ReleaseElement {
  /** Identifies the value: changes when the value changes. */
  element: string;
  /** Identifies the person the value belongs to. */
  person: string;
}

export interface ReleaseQuestion {
  candidate: readonly ReleaseElement[];
  /** Groups released before for the same kind of value (as element → person maps, the form a log can keep). */
  released: ReadonlyArray<readonly ReleaseElement[] | ReadonlyMap<string, string>>;
  /** The unfiltered scope of the view (a unit, an area), when the candidate is a filtered part of it. */
  scope?: readonly ReleaseElement[];
  minimum?: number | null;
}

/** Why the candidate must be withheld, or null when it may be released. */
export function releaseRefusal(question: ReleaseQuestion): ReleaseRefusal | null {
  const minimum = effectiveMinimum(question.minimum);
  const candidate = asMap(question.candidate);
  if (candidate.size === 0) return null;
  if (distinctPeople(candidate.values()) < minimum) return 'belowMinimum';
  if (question.scope) {
    const rest = question.scope.filter((e) => !candidate.has(e.element)).map((e) => e.person);
    const restPeople = distinctPeople(rest);
    if (restPeople > 0 && restPeople < minimum) return 'complementary';
  }
  const released = question.released.map((group) => (group instanceof Map ? group : asMap(group as readonly ReleaseElement[])));
  for (const earlier of released) {
    const onlyNow = peopleOnlyIn(candidate, earlier);
    const onlyBefore = peopleOnlyIn(earlier, candidate);
    if ((onlyNow > 0 && onlyNow < minimum) || (onlyBefore > 0 && onlyBefore < minimum)) return 'differencing';
  }
  if (derivableAtoms([...released, candidate], minimum).length > 0) return 'derivable';
  return null;
}

/** A group as element → person. */
function asMap(group: readonly ReleaseElement[]): Map<string, string> {
  return new Map(group.map((e) => [e.element, e.person]));
}

function distinctPeople(people: Iterable<string>): number {
  return new Set(people).size;
}

function peopleOnlyIn(group: ReadonlyMap<string, string>, other: ReadonlyMap<string, string>): number {
  const people = new Set<string>();
  for (const [element, person] of group) if (!other.has(element)) people.add(person);
  return people.size;
}

/**
 * The atoms (elements that belong to exactly the same groups) of fewer than `minimum` people whose indicator is a
 * linear combination of the groups' membership vectors: what adding and subtracting released figures isolates.
 * Each atom is returned as its elements.
 */
export function derivableAtoms(groups: ReadonlyArray<ReadonlyMap<string, string>>, minimum: number): string[][] {
  // Duplicate rows change neither the atoms nor the row space: only empty groups are left out.
  const distinct = groups.filter((group) => group.size > 0);
  if (distinct.length === 0) return [];
  const atoms = atomsOf(distinct);
  const small = atoms.filter((atom) => distinctPeople(atom.people) < minimum);
  if (small.length === 0) return [];
  const matrix = distinct.map((group) => atoms.map((atom) => (group.has(atom.elements[0]) ? 1 : 0)));
  const isolated = new Set<number>();
  for (const prime of PRIMES) for (const column of isolatedColumns(matrix, atoms.length, prime)) isolated.add(column);
  return atoms.filter((atom, index) => isolated.has(index) && distinctPeople(atom.people) < minimum).map((atom) => atom.elements);
}

const PRIMES = [67108859, 67108837];

interface Atom {
  elements: string[];
  people: string[];
}

/** Elements grouped by the set of groups they belong to. */
function atomsOf(groups: ReadonlyArray<ReadonlyMap<string, string>>): Atom[] {
  const signatures = new Map<string, { groups: number[]; person: string }>();
  groups.forEach((group, index) => {
    for (const [element, person] of group) {
      const entry = signatures.get(element) ?? { groups: [], person };
      entry.groups.push(index);
      signatures.set(element, entry);
    }
  });
  const atoms = new Map<string, Atom>();
  for (const [element, { groups: memberOf, person }] of signatures) {
    const key = memberOf.join(',');
    const atom = atoms.get(key) ?? { elements: [], people: [] };
    atom.elements.push(element);
    atom.people.push(person);
    atoms.set(key, atom);
  }
  return [...atoms.values()];
}

/**
 * The columns whose unit vector lies in the row space of `rows`, modulo `prime`: after reduction to row echelon
 * form, exactly the pivot columns whose row has no other non-zero entry.
 */
function isolatedColumns(rows: ReadonlyArray<readonly number[]>, columns: number, prime: number): number[] {
  const m = rows.map((row) => Float64Array.from(row));
  let rank = 0;
  const pivots: number[] = [];
  for (let column = 0; column < columns && rank < m.length; column++) {
    let pivot = -1;
    for (let r = rank; r < m.length; r++)
      if (m[r][column] !== 0) {
        pivot = r;
        break;
      }
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot], m[rank]];
    const inverse = modInverse(m[rank][column], prime);
    const row = m[rank];
    for (let c = column; c < columns; c++) row[c] = (row[c] * inverse) % prime;
    for (let r = 0; r < m.length; r++) {
      if (r === rank || m[r][column] === 0) continue;
      const factor = m[r][column];
      const target = m[r];
      for (let c = column; c < columns; c++) {
        if (row[c] === 0) continue;
        target[c] = (target[c] - ((factor * row[c]) % prime) + prime) % prime;
      }
    }
    pivots.push(column);
    rank++;
  }
  const isolated: number[] = [];
  for (let r = 0; r < rank; r++) {
    let nonZero = 0;
    for (let c = 0; c < columns && nonZero < 2; c++) if (m[r][c] !== 0) nonZero++;
    if (nonZero === 1) isolated.push(pivots[r]);
  }
  return isolated;
}

function modInverse(value: number, prime: number): number {
  // Extended Euclid; values stay below the prime, so every step is exact in floating point.
  let [a, b, x0, x1] = [value % prime, prime, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b] = [b, a - q * b];
    [x0, x1] = [x1, x0 - q * x1];
  }
  return ((x0 % prime) + prime) % prime;
}
