import { EmploymentType, Gender, ImportMode } from '@kunna/contracts';
import { parseCsv } from './csv-records';
import { ExistingMembership, ExistingPerson, ImportPlan, OrganisationState, planImport, PlanOptions } from './import-plan';
import { ImportMapping, validateRows } from './row-validation';

const TODAY = '2025-06-10';
const HEADER = 'Anst.nr;Förnamn;Efternamn;E-post;Anställningsform;Startdatum;Slutdatum;Enhetskod;Enhet;Område';
const MAPPING: ImportMapping = {
  employeeNumber: 0,
  firstName: 1,
  lastName: 2,
  email: 3,
  employmentType: 4,
  startDate: 5,
  endDate: 6,
  unitCode: 7,
  unitName: 8,
  areaName: 9,
};

function person(id: string, employeeNumber: string, extra: Partial<ExistingPerson> = {}): ExistingPerson {
  return {
    id,
    employeeNumber,
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    email: null,
    roleTitle: 'undersköterska',
    employmentType: EmploymentType.Permanent,
    startDate: '2020-01-01',
    endDate: null,
    gender: null,
    preferredLanguage: 'sv',
    pseudonymised: false,
    ...extra,
  };
}

function baseState(): OrganisationState {
  return {
    persons: [
      person('p1', '1001', { firstName: 'Åsa', lastName: 'Öberg', email: 'asa@a.example' }),
      person('p2', '1002', { firstName: 'Bo', lastName: 'Ek', email: 'bo@a.example' }),
      person('p3', '1003', { firstName: 'Cia', lastName: 'Lund' }),
    ],
    activeMemberships: [
      { id: 'm1', personId: 'p1', unitId: 'u1', startDate: '2020-01-01', endDate: null },
      { id: 'm2', personId: 'p2', unitId: 'u1', startDate: '2020-01-01', endDate: null },
      { id: 'm3', personId: 'p3', unitId: 'u2', startDate: '2020-01-01', endDate: null },
    ],
    units: [
      { id: 'u1', code: 'U1', name: 'Enhet U1', areaId: 'a1', closedAt: null },
      { id: 'u2', code: 'U2', name: 'Enhet U2', areaId: 'a1', closedAt: null },
      { id: 'u9', code: 'STÄNGD', name: 'Gamla enheten', areaId: 'a1', closedAt: '2025-01-01' },
    ],
    areas: [{ id: 'a1', name: 'Område A1' }],
  };
}

function plan(lines: string[], state = baseState(), options: Partial<PlanOptions> = {}): ImportPlan {
  const { records } = parseCsv([HEADER, ...lines].join('\n'), ';');
  const headers = records[0].fields.map((field) => field.value);
  const { rows, problems } = validateRows(headers, records.slice(1), MAPPING);
  expect(problems).toEqual([]);
  return planImport(rows, state, { mode: 'partial', createUnits: false, importDate: TODAY, protectedPersonId: null, ...options });
}

/** What the repository does, in memory: lets the tests prove that a second run of the same file changes nothing. */
function applyInMemory(state: OrganisationState, result: ImportPlan): OrganisationState {
  let seq = 0;
  const units = [
    ...state.units,
    ...result.newUnits.map((unit) => ({ id: `new-${unit.code}`, code: unit.code, name: unit.name, areaId: unit.areaId, closedAt: null })),
  ];
  const unitId = (ref: { unitId: string } | { newUnitCode: string }) => ('unitId' in ref ? ref.unitId : `new-${ref.newUnitCode}`);
  const persons = state.persons.map((p) => {
    const update = result.updates.find((u) => u.personId === p.id);
    const ended = result.ends.includes(p.id);
    return { ...p, ...(update?.fields ?? {}), ...(ended ? { endDate: TODAY } : {}) };
  });
  const memberships: ExistingMembership[] = state.activeMemberships.map((m) => {
    const update = result.membershipUpdates.find((u) => u.id === m.id);
    return update ? { ...m, unitId: update.unit ? unitId(update.unit) : m.unitId, endDate: update.endDate } : m;
  });
  for (const create of result.membershipCreates) {
    memberships.push({ id: `nm${++seq}`, personId: create.personId, unitId: unitId(create.unit), startDate: create.startDate, endDate: create.endDate });
  }
  for (const create of result.creates) {
    const id = `np${++seq}`;
    persons.push({ id, employeeNumber: create.employeeNumber, ...create.fields, pseudonymised: false });
    memberships.push({
      id: `nm${++seq}`,
      personId: id,
      unitId: unitId(create.membership.unit),
      startDate: create.membership.startDate,
      endDate: create.membership.endDate,
    });
  }
  for (const m of memberships) expect(m.endDate === null || m.endDate >= m.startDate).toBe(true);
  // Only what the next import would load as current.
  return { ...state, units, persons, activeMemberships: memberships.filter((m) => m.endDate === null || m.endDate >= TODAY) };
}

function expectIdempotent(lines: string[], state: OrganisationState, options: Partial<PlanOptions> = {}) {
  const first = plan(lines, state, options);
  expect(first.problems).toEqual([]);
  const second = plan(lines, applyInMemory(state, first), options);
  expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: lines.length, ended: 0, unitsCreated: 0 });
  expect([second.creates, second.updates, second.ends, second.membershipUpdates, second.membershipCreates]).toEqual([[], [], [], [], []]);
  return first;
}

describe('planImport', () => {
  it('leaves people whose file row matches what is stored unchanged', () => {
    const result = plan(['1001;Åsa;Öberg;asa@a.example;;;;U1;;', '1002;Bo;Ek;;;;;U1;;']);
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 2, ended: 0, unitsCreated: 0 });
    expect(result.updates).toEqual([]);
  });

  it('creates new people with their unit membership from their start date, with defaults for unmapped fields', () => {
    const result = expectIdempotent(['2001;Dan;Holm;dan@a.example;Vikarie;2024-08-01;;U2;;'], baseState());
    expect(result.counts).toEqual({ created: 1, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 });
    expect(result.creates).toEqual([
      {
        employeeNumber: '2001',
        fields: {
          firstName: 'Dan',
          lastName: 'Holm',
          email: 'dan@a.example',
          roleTitle: 'annan',
          employmentType: EmploymentType.Substitute,
          startDate: '2024-08-01',
          endDate: null,
          gender: null,
          preferredLanguage: 'sv',
        },
        membership: { unit: { unitId: 'u2' }, startDate: '2024-08-01', endDate: null },
      },
    ]);
  });

  it('starts a new person without a start date on the import date', () => {
    const result = plan(['2001;Dan;Holm;;;;;U2;;']);
    expect(result.creates[0].fields.startDate).toBe(TODAY);
    expect(result.creates[0].membership.startDate).toBe(TODAY);
  });

  it('updates changed fields and keeps stored values where the cell is empty', () => {
    const state = baseState();
    state.persons[0].gender = Gender.Female;
    const result = expectIdempotent(['1001;Åsa;Berg;;Timanställd;;;U1;;'], state);
    expect(result.counts.updated).toBe(1);
    expect(result.updates).toEqual([
      {
        personId: 'p1',
        emailChanged: false,
        fields: expect.objectContaining({ lastName: 'Berg', email: 'asa@a.example', employmentType: EmploymentType.Hourly, gender: Gender.Female }),
      },
    ]);
  });

  it('moves a person: the old membership ends the day before the import date, a new one starts on it', () => {
    const result = expectIdempotent(['1001;Åsa;Öberg;;;;;U2;;'], baseState());
    expect(result.counts).toEqual({ created: 0, updated: 1, unchanged: 0, ended: 0, unitsCreated: 0 });
    expect(result.updates).toEqual([]);
    expect(result.membershipUpdates).toEqual([{ id: 'm1', endDate: '2025-06-09' }]);
    expect(result.membershipCreates).toEqual([{ personId: 'p1', unit: { unitId: 'u2' }, startDate: TODAY, endDate: null }]);
  });

  it('moves a membership that has not begun yet instead of ending it', () => {
    const state = baseState();
    state.activeMemberships[0] = { id: 'm1', personId: 'p1', unitId: 'u1', startDate: TODAY, endDate: null };
    const result = expectIdempotent(['1001;Åsa;Öberg;;;;;U2;;'], state);
    expect(result.membershipUpdates).toEqual([{ id: 'm1', unit: { unitId: 'u2' }, endDate: null }]);
    expect(result.membershipCreates).toEqual([]);
  });

  it('ends the memberships of someone who has left (end date passed) and moves nobody', () => {
    const result = expectIdempotent(['1001;Åsa;Öberg;;;;2025-05-31;U2;;'], baseState());
    expect(result.updates[0].fields.endDate).toBe('2025-05-31');
    expect(result.membershipUpdates).toEqual([{ id: 'm1', endDate: '2025-05-31' }]);
    expect(result.membershipCreates).toEqual([]);
  });

  it('gives a future end date to the current membership, and reactivates someone whose end date is cleared', () => {
    const leaving = expectIdempotent(['1001;Åsa;Öberg;;;;2025-12-31;U1;;'], baseState());
    expect(leaving.membershipUpdates).toEqual([{ id: 'm1', endDate: '2025-12-31' }]);

    const state = baseState();
    state.persons[2].endDate = '2025-03-01';
    state.activeMemberships = state.activeMemberships.filter((m) => m.personId !== 'p3');
    const back = expectIdempotent(['1003;Cia;Lund;;;;;U2;;'], state);
    expect(back.updates[0].fields.endDate).toBeNull();
    expect(back.membershipCreates).toEqual([{ personId: 'p3', unit: { unitId: 'u2' }, startDate: TODAY, endDate: null }]);
  });

  it('full mode ends active people missing from the file (never the caller, never twice), partial mode does not', () => {
    const lines = ['1001;Åsa;Öberg;;;;;U1;;'];
    expect(plan(lines).counts.ended).toBe(0);

    const state = baseState();
    state.persons.push(person('p4', '1004', { endDate: '2024-12-31' })); // left earlier: not ended again
    state.persons.push(person('me', '9999')); // the caller, in no unit
    const result = expectIdempotent(lines, state, { mode: 'full' as ImportMode, protectedPersonId: 'me' });
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 1, ended: 2, unitsCreated: 0 });
    expect(result.ends.sort()).toEqual(['p2', 'p3']);
    expect(result.membershipUpdates).toEqual([
      { id: 'm2', endDate: TODAY },
      { id: 'm3', endDate: TODAY },
    ]);
  });

  it("reports unknown, closed and other organisations' unit codes without creating anything", () => {
    const result = plan(['1001;Åsa;Öberg;;;;;U4;;', '1002;Bo;Ek;;;;;stängd;;']);
    expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 20, 'unknown_unit'],
      [3, 16, 'closed_unit'],
    ]);
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 });
    expect(result.creates).toEqual([]);
  });

  it('matches unit codes case-insensitively when that is unambiguous', () => {
    expect(plan(['1001;Åsa;Öberg;;;;;u1;;']).counts.unchanged).toBe(1);
  });

  it('with createUnits, creates a unit for an unknown code once, when the row names it and an existing area', () => {
    const lines = ['2001;Dan;Holm;;;;;U7;Solgården;område a1', '2002;Eva;Sten;;;;;U7;Solgården;Område A1'];
    const result = expectIdempotent(lines, baseState(), { createUnits: true });
    expect(result.counts).toEqual({ created: 2, updated: 0, unchanged: 0, ended: 0, unitsCreated: 1 });
    expect(result.newUnits).toEqual([{ code: 'U7', name: 'Solgården', areaId: 'a1' }]);

    const problems = plan(
      ['2001;Dan;Holm;;;;;U7;;', '2002;Eva;Sten;;;;;U8;Ny;Område X', '2003;Fia;Ås;;;;;U7;Solgården;Område A1', '2004;Gun;Ek;;;;;U7;Annat namn;Område A1'],
      baseState(),
      {
        createUnits: true,
      },
    ).problems;
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'unknown_unit'],
      [3, 'unknown_area'],
      [5, 'inconsistent_unit'],
    ]);
    expect(problems[2].message).toContain('rad 4');
  });

  it('checks e-mail addresses against the state after the import: a swap is fine, a taken address is not', () => {
    const swap = expectIdempotent(['1001;Åsa;Öberg;bo@a.example;;;;U1;;', '1002;Bo;Ek;asa@a.example;;;;U1;;'], baseState());
    expect(swap.updates.map((u) => [u.personId, u.fields.email, u.emailChanged])).toEqual([
      ['p1', 'bo@a.example', true],
      ['p2', 'asa@a.example', true],
    ]);

    const taken = plan(['1003;Cia;Lund;BO@a.example;;;;U2;;']);
    expect(taken.problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, 15, 'email_taken']]);
    expect(taken.problems[0].message).toContain('anställningsnummer 1002');
  });

  it('refuses to bring back a pseudonymised person', () => {
    const state = baseState();
    state.persons[2].pseudonymised = true;
    expect(plan(['1003;X;Y;;;;;U2;;'], state).problems.map((p) => p.code)).toEqual(['pseudonymised_person']);
  });

  it('refuses an end date before the stored start date', () => {
    expect(plan(['1001;Åsa;Öberg;;;;2019-12-31;U1;;']).problems.map((p) => p.code)).toEqual(['end_before_start']);
  });

  it('refuses a file without people', () => {
    expect(plan([], baseState(), { mode: 'full' }).problems.map((p) => p.code)).toEqual(['no_rows']);
  });
});
