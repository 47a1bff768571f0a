import fc from 'fast-check';
import { exactlyExposedOwners, exactlyIsolatedColumns, exactRank } from './exact-span';
import { derivableAtoms, ReleaseElement, releaseRefusal } from './release-ledger';

/** People p1…pn, each with one value (version v1 unless given). */
const people = (names: readonly string[], version = 'v1'): ReleaseElement[] => names.map((person) => ({ element: `${person}#${version}`, person }));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}`);

describe('releaseRefusal', () => {
  it('releases a group of at least the minimum with nothing released before', () => {
    expect(releaseRefusal({ candidate: people(range(1, 5)), released: [], minimum: 5 })).toBeNull();
    expect(releaseRefusal({ candidate: people(range(1, 4)), released: [], minimum: 5 })).toBe('belowMinimum');
  });

  it('refuses a filtered group whose complement in the scope is 1 … minimum − 1 people, and allows an empty complement', () => {
    const unit = people(range(1, 9));
    expect(releaseRefusal({ candidate: people(range(1, 5)), released: [], scope: unit, minimum: 5 })).toBe('complementary');
    expect(releaseRefusal({ candidate: unit, released: [], scope: unit, minimum: 5 })).toBeNull();
    expect(releaseRefusal({ candidate: people(range(1, 5)), released: [], scope: people(range(1, 10)), minimum: 5 })).toBeNull();
  });

  // The subtraction found by the outside probe: a unit of 9, then the same unit filtered to its 5 permanent staff.
  it('refuses the second of two groups that differ by fewer than the minimum, in either order', () => {
    const unit = people(range(1, 9));
    const permanent = people(range(1, 5));
    expect(releaseRefusal({ candidate: permanent, released: [unit], minimum: 5 })).toBe('differencing');
    expect(releaseRefusal({ candidate: unit, released: [permanent], minimum: 5 })).toBe('differencing');
    expect(releaseRefusal({ candidate: unit, released: [unit], minimum: 5 })).toBeNull();
  });

  it('counts the difference in people, not in values: four people with two answers each are four', () => {
    const twoEach = (names: string[]) =>
      names.flatMap((person) => [
        { element: `${person}#before`, person },
        { element: `${person}#after`, person },
      ]);
    expect(releaseRefusal({ candidate: twoEach(range(1, 5)), released: [twoEach(range(1, 9))], minimum: 5 })).toBe('differencing');
  });

  it('refuses the same group again once one person’s value has changed (an answer arrived or was edited)', () => {
    const before = people(range(1, 8));
    const after = [...people(range(1, 7)), { element: 'p8#v2', person: 'p8' }];
    expect(releaseRefusal({ candidate: after, released: [before], minimum: 5 })).toBe('differencing');
  });

  it('refuses a group that makes an intersection derivable from three releases: A + B − (A ∪ B) = A ∩ B', () => {
    const a = people(range(1, 6));
    const b = people(range(6, 11));
    const union = people(range(1, 11));
    // Every pair differs by at least five people, so only the span test sees it.
    expect(releaseRefusal({ candidate: b, released: [a], minimum: 5 })).toBeNull();
    expect(releaseRefusal({ candidate: union, released: [a, b], minimum: 5 })).toBe('derivable');
  });

  it('allows disjoint and nested groups that isolate nobody', () => {
    const area = people(range(1, 20));
    const units = [people(range(1, 10)), people(range(11, 20))];
    expect(releaseRefusal({ candidate: units[1], released: [area, units[0]], minimum: 5 })).toBeNull();
  });
});

describe('derivableAtoms against exact rational elimination', () => {
  it('finds exactly the small atoms that exact elimination isolates, for random families of groups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 8 }),
        (minimum, memberships) => {
          const groups = memberships.map((members) => new Map(members.map((p) => [`p${p}#v1`, `p${p}`])));
          const found = derivableAtoms(groups, minimum)
            .map((atom) => atom.sort().join(','))
            .sort();
          // The same question answered the slow way: atoms, their 0/1 matrix, exact reduced row echelon form.
          const signature = new Map<string, string>();
          for (let p = 0; p < 15; p++) {
            const key = groups.map((g) => (g.has(`p${p}#v1`) ? 1 : 0)).join('');
            if (key.includes('1')) signature.set(`p${p}#v1`, key);
          }
          const atoms = [...new Set(signature.values())].map((key) => [...signature].filter(([, k]) => k === key).map(([element]) => element));
          const rows = groups.map((g) => atoms.map((atom) => (g.has(atom[0]) ? 1 : 0)));
          const expected = exactlyIsolatedColumns(rows, atoms.length)
            .map((column) => atoms[column])
            .filter((atom) => atom.length < minimum)
            .map((atom) => atom.sort().join(','))
            .sort();
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * The attacker: a viewer asks for any sequence of groups (filters, periods, re-reads after answers change); the gate
 * decides each. Afterwards no single person's value may lie in the span of what was released, by exact elimination
 * over every released membership vector (people × value versions).
 */
describe('the gate against an attacker who adds and subtracts released figures', () => {
  // People with a unit, a role, an employment type and the quarter they answered in: what views filter on.
  const person = fc.record({
    unit: fc.integer({ min: 0, max: 2 }),
    role: fc.integer({ min: 0, max: 2 }),
    type: fc.integer({ min: 0, max: 1 }),
    quarter: fc.integer({ min: 0, max: 3 }),
  });
  const filter = fc.record({
    unit: fc.option(fc.integer({ min: 0, max: 2 })),
    role: fc.option(fc.integer({ min: 0, max: 2 })),
    type: fc.option(fc.integer({ min: 0, max: 1 })),
    quarters: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
  });

  it('never lets one person’s value become a combination of released groups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(person, { minLength: 6, maxLength: 24 }),
        // Every filter a viewer may combine, and between reads one person's value may change (an answer arrives or is edited).
        fc.array(fc.record({ filter, changes: fc.option(fc.nat(), { freq: 3 }) }), { minLength: 1, maxLength: 20 }),
        (minimum, staff, reads) => {
          const version = new Map<number, number>();
          const released: ReleaseElement[][] = [];
          for (const { filter: f, changes } of reads) {
            if (changes !== null) version.set(changes % staff.length, (version.get(changes % staff.length) ?? 0) + 1);
            const [from, to] = [Math.min(...f.quarters), Math.max(...f.quarters)];
            const candidate = staff
              .map((p, index) => ({ ...p, index }))
              .filter((p) => (f.unit === null || p.unit === f.unit) && (f.role === null || p.role === f.role) && (f.type === null || p.type === f.type))
              .filter((p) => p.quarter >= from && p.quarter <= to)
              .map((p) => ({ element: `p${p.index}#v${version.get(p.index) ?? 0}`, person: `p${p.index}` }));
            if (candidate.length > 0 && releaseRefusal({ candidate, released, minimum }) === null) released.push(candidate);
          }
          const elements = [...new Set(released.flat().map((e) => e.element))];
          const rows = released.map((group) => {
            const members = new Set(group.map((e) => e.element));
            return elements.map((element) => (members.has(element) ? 1 : 0));
          });
          expect(rows.length ? exactlyIsolatedColumns(rows, elements.length) : []).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('exactlyExposedOwners (the attacker specs’ exact test)', () => {
  // Columns: p's before answer, p's answer after an edit, q, r.
  const owners = ['p', 'p', 'q', 'r'];
  it('finds one person’s value as a difference of two groups', () => {
    expect(
      exactlyExposedOwners(
        [
          [1, 0, 1, 1],
          [0, 0, 1, 1],
        ],
        owners,
      ),
    ).toEqual(['p']);
  });
  it('finds one person’s change between two versions of the same group', () => {
    // Neither version of p's value alone is in the span, but their difference is.
    expect(
      exactlyIsolatedColumns(
        [
          [1, 0, 1, 1],
          [0, 1, 1, 1],
        ],
        4,
      ),
    ).toEqual([]);
    expect(
      exactlyExposedOwners(
        [
          [1, 0, 1, 1],
          [0, 1, 1, 1],
        ],
        owners,
      ),
    ).toEqual(['p']);
  });
  it('finds no one in groups that only ever change by several people', () => {
    expect(
      exactlyExposedOwners(
        [
          [1, 0, 1, 1],
          [0, 0, 0, 0],
        ],
        owners,
      ),
    ).toEqual([]);
    expect(exactlyExposedOwners([[1, 0, 1, 1]], owners)).toEqual([]);
    expect(
      exactRank(
        [
          [1, 1],
          [2, 2],
          [1, 0],
        ],
        2,
      ),
    ).toBe(2);
  });
});
