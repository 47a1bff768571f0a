/**
 * Exact linear algebra over the rationals (BigInt fractions) for the attacker tests of the privacy gate: which
 * unit vectors (one person's value) lie in the span of released membership vectors. Slow and exact, unlike the
 * gate's own modular elimination (`release-ledger.ts`), which these tests check it against.
 */

interface Fraction {
  n: bigint;
  d: bigint;
}

const ZERO: Fraction = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function fraction(n: bigint, d: bigint): Fraction {
  if (n === 0n) return ZERO;
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d, a.d * b.n);

/**
 * The columns whose unit vector lies in the row space of the 0/1 matrix `rows` (rational Gaussian elimination to
 * reduced row echelon form; a unit vector is in the row space exactly when a reduced row equals it).
 */
export function exactlyIsolatedColumns(rows: ReadonlyArray<readonly number[]>, columns: number): number[] {
  const m: Fraction[][] = rows.map((row) => row.map((value) => fraction(BigInt(value), 1n)));
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < columns && rank < m.length; column++) {
    const pivot = m.findIndex((row, index) => index >= rank && row[column].n !== 0n);
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot], m[rank]];
    const lead = m[rank][column];
    m[rank] = m[rank].map((value) => div(value, lead));
    for (let r = 0; r < m.length; r++) {
      if (r === rank || m[r][column].n === 0n) continue;
      const factor = m[r][column];
      m[r] = m[r].map((value, c) => sub(value, mul(factor, m[rank][c])));
    }
    pivots.push(column);
    rank++;
  }
  return pivots.filter((_, r) => m[r].filter((value) => value.n !== 0n).length === 1);
}

/** The rank of a 0/1 (or small integer) matrix over the rationals, by exact elimination. */
export function exactRank(rows: ReadonlyArray<readonly number[]>, columns: number): number {
  const m: Fraction[][] = rows.map((row) => row.map((value) => fraction(BigInt(value), 1n)));
  let rank = 0;
  for (let column = 0; column < columns && rank < m.length; column++) {
    const pivot = m.findIndex((row, index) => index >= rank && row[column].n !== 0n);
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot], m[rank]];
    const lead = m[rank][column];
    m[rank] = m[rank].map((value) => div(value, lead));
    for (let r = rank + 1; r < m.length; r++) {
      if (m[r][column].n === 0n) continue;
      const factor = m[r][column];
      m[r] = m[r].map((value, c) => sub(value, mul(factor, m[rank][c])));
    }
    rank++;
  }
  return rank;
}

/**
 * The people some non-zero combination of the rows singles out: a vector in the row space that is zero outside one
 * person's columns (their value, or the change between two versions of it). Exactly when dropping that person's
 * columns lowers the rank.
 */
export function exactlyExposedOwners(rows: ReadonlyArray<readonly number[]>, owners: readonly string[]): string[] {
  const rank = exactRank(rows, owners.length);
  const exposed: string[] = [];
  for (const owner of new Set(owners)) {
    const keep = owners.map((o, c) => (o === owner ? -1 : c)).filter((c) => c >= 0);
    if (
      exactRank(
        rows.map((row) => keep.map((c) => row[c])),
        keep.length,
      ) < rank
    )
      exposed.push(owner);
  }
  return exposed;
}
