import { groupBy } from '../common/group-by';
import { EmploymentType, Gender, ImportCounts, ImportMode, ImportProblem, UiLanguage } from '@kunna/contracts';
import { cellProblem, lineProblem, quote } from './import-problems';
import { addDays } from '../database/local-day';
import { maxDate } from './import-values';
import type { ValidatedRow } from './row-validation';

/** The organisation as the import finds it (loaded in the import's transaction). */
export interface ExistingPerson {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  endDate: string | null;
  gender: Gender | null;
  preferredLanguage: UiLanguage;
  pseudonymised: boolean;
}

/** A membership that has not ended before the import date (`end_date` null or on/after it). */
export interface ExistingMembership {
  id: string;
  personId: string;
  unitId: string;
  startDate: string;
  endDate: string | null;
}

export interface ExistingUnit {
  id: string;
  code: string | null;
  name: string;
  areaId: string;
  closedAt: string | null;
}

export interface ExistingArea {
  id: string;
  name: string;
}

export interface OrganisationState {
  persons: ExistingPerson[];
  activeMemberships: ExistingMembership[];
  units: ExistingUnit[];
  areas: ExistingArea[];
}

export interface PlanOptions {
  mode: ImportMode;
  /** Unknown unit codes become new units when the row names the unit and an existing area. */
  createUnits: boolean;
  /** The import date, `YYYY-MM-DD`: moves take effect and full imports end people on this day. */
  importDate: string;
  /** Never ended by a full import: the person running it (they would lock themselves out). */
  protectedPersonId: string | null;
}

/** An existing unit, or one this import creates (by its code). */
export type UnitRef = { unitId: string } | { newUnitCode: string };

export interface PersonFields {
  firstName: string;
  lastName: string;
  email: string | null;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  endDate: string | null;
  gender: Gender | null;
  preferredLanguage: UiLanguage;
}

export interface PlannedCreate {
  employeeNumber: string;
  fields: PersonFields;
  membership: { unit: UnitRef; startDate: string; endDate: string | null };
}

export interface PlannedUpdate {
  personId: string;
  fields: PersonFields;
  /** The e-mail changes: cleared first, so that two people can swap addresses in one import. */
  emailChanged: boolean;
}

export interface PlannedMembershipUpdate {
  id: string;
  /** Set when a membership that has not begun yet is moved to another unit. */
  unit?: UnitRef;
  endDate: string | null;
}

export interface PlannedMembershipCreate {
  personId: string;
  unit: UnitRef;
  startDate: string;
  endDate: string | null;
}

export interface ImportPlan {
  problems: ImportProblem[];
  counts: ImportCounts;
  newUnits: Array<{ code: string; name: string; areaId: string }>;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  /** People a full import ends (end date = import date). */
  ends: string[];
  membershipUpdates: PlannedMembershipUpdate[];
  membershipCreates: PlannedMembershipCreate[];
}

export const DEFAULT_ROLE_TITLE = 'annan';
export const DEFAULT_EMPLOYMENT_TYPE = EmploymentType.Permanent;

const ZERO: ImportCounts = { created: 0, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 };

/**
 * Works out, without writing anything, what the import does: every remaining problem that needs the
 * organisation's data (unknown or closed units, e-mail addresses held by others, ...), and when there is
 * none, the exact changes and counts. Applying the plan to the state it was made from, then planning the
 * same file again, gives an empty plan with every row unchanged: the import is idempotent by construction.
 *
 * Rules (see also the README beside this file):
 * - People are matched by employee number within the organisation; mapped values replace stored ones, an
 *   empty optional cell keeps the stored value, except the end date (empty = no end date).
 * - The file's unit is where the person works from the import date. A person elsewhere is moved: their
 *   other current memberships end the day before the import date (history kept), a new one starts on it
 *   (or on their start date if that is later). A membership that has not begun yet is moved instead.
 * - A person whose end date has passed has left: current memberships end on the end date, nobody is moved.
 * - `full`: active people of the organisation missing from the file get end date = import date, and their
 *   current memberships end then too. Nobody is ever deleted.
 */
export function planImport(rows: ValidatedRow[], state: OrganisationState, options: PlanOptions): ImportPlan {
  const problems: ImportProblem[] = [];
  const today = options.importDate;
  const personsByNumber = new Map(state.persons.map((person) => [person.employeeNumber, person]));
  const membershipsByPerson = groupBy(state.activeMemberships, (membership) => membership.personId);
  const unitsByCode = new Map<string, ExistingUnit>();
  const coded = state.units.filter((unit): unit is ExistingUnit & { code: string } => unit.code !== null);
  for (const unit of coded) unitsByCode.set(unit.code, unit);
  const unitsByFoldedCode = groupBy(coded, (unit) => unit.code.toLocaleLowerCase('sv'));
  const areasByName = new Map(state.areas.map((area) => [area.name.trim().toLocaleLowerCase('sv'), area]));
  const newUnits = new Map<string, { code: string; name: string; areaId: string; line: number }>();
  const rowUnits = new Map<ValidatedRow, UnitRef>();

  if (rows.length === 0) {
    problems.push(lineProblem(1, null, 'no_rows', 'Filen innehåller bara en rubrikrad och inga personer.'));
  }

  for (const row of rows) {
    const values = row.values;
    const existing = values.employeeNumber !== undefined ? personsByNumber.get(values.employeeNumber) : undefined;
    if (existing?.pseudonymised && row.cells.employeeNumber) {
      problems.push(
        cellProblem(
          row.cells.employeeNumber,
          'pseudonymised_person',
          `Personen med anställningsnummer ${quote(existing.employeeNumber)} är avidentifierad och kan inte importeras igen. Ta bort raden.`,
        ),
      );
    }

    if (values.unitCode !== undefined && row.cells.unitCode) {
      const code = values.unitCode;
      const folded = code.toLocaleLowerCase('sv');
      const candidates = unitsByFoldedCode.get(folded) ?? [];
      const unit = unitsByCode.get(code) ?? (candidates.length === 1 ? candidates[0] : undefined);
      if (unit) {
        if (unit.closedAt !== null && unit.closedAt <= today) {
          problems.push(
            cellProblem(row.cells.unitCode, 'closed_unit', `Enheten ${quote(code)} (${unit.name}) är stängd sedan ${unit.closedAt}. Välj en öppen enhet.`),
          );
        } else {
          rowUnits.set(row, { unitId: unit.id });
        }
      } else if (!options.createUnits) {
        problems.push(
          cellProblem(
            row.cells.unitCode,
            'unknown_unit',
            `Enhetskoden ${quote(code)} finns inte i organisationen. Kontrollera koden, eller välj att nya enheter får skapas.`,
          ),
        );
      } else if (values.unitName === undefined || values.areaName === undefined) {
        problems.push(
          cellProblem(
            row.cells.unitCode,
            'unknown_unit',
            `Enhetskoden ${quote(code)} finns inte i organisationen. För att skapa enheten behöver raden enhetens namn och ett befintligt område.`,
          ),
        );
      } else {
        const area = areasByName.get(values.areaName.toLocaleLowerCase('sv'));
        if (!area) {
          problems.push(
            cellProblem(
              row.cells.areaName ?? row.cells.unitCode,
              'unknown_area',
              `Området ${quote(values.areaName)} finns inte i organisationen. Skapa området först, eller rätta namnet.`,
            ),
          );
        } else {
          const planned = newUnits.get(folded);
          if (planned && (planned.name !== values.unitName || planned.areaId !== area.id)) {
            problems.push(
              cellProblem(
                row.cells.unitCode,
                'inconsistent_unit',
                `Den nya enheten ${quote(code)} har ett annat namn eller område än på rad ${planned.line}. Samma enhetskod måste ha samma namn och område.`,
              ),
            );
          } else {
            if (!planned) newUnits.set(folded, { code, name: values.unitName, areaId: area.id, line: row.line });
            rowUnits.set(row, { newUnitCode: planned?.code ?? code });
          }
        }
      }
    }

    if (existing && values.endDate && values.startDate === undefined && values.endDate < existing.startDate && row.cells.endDate) {
      problems.push(cellProblem(row.cells.endDate, 'end_before_start', `Slutdatum ${values.endDate} är före personens startdatum ${existing.startDate}.`));
    }
  }

  // E-mail addresses are unique within the organisation: check the state after the import, so that
  // people may swap or pass on addresses within one file.
  const inFile = new Map<string, ValidatedRow>();
  for (const row of rows) if (row.values.employeeNumber !== undefined && !inFile.has(row.values.employeeNumber)) inFile.set(row.values.employeeNumber, row);
  const emailOwners = new Map<string, string>();
  for (const person of state.persons) {
    const row = inFile.get(person.employeeNumber);
    if (row && row.values.email !== undefined) continue;
    if (person.email) emailOwners.set(person.email.toLowerCase(), person.employeeNumber);
  }
  for (const row of rows) {
    const { email, employeeNumber } = row.values;
    if (email === undefined || !row.cells.email) continue;
    const owner = emailOwners.get(email.toLowerCase());
    if (owner !== undefined && owner !== employeeNumber) {
      problems.push(
        cellProblem(row.cells.email, 'email_taken', `E-postadressen ${quote(email)} används redan av en annan person (anställningsnummer ${owner}).`),
      );
    }
  }

  const empty: ImportPlan = { problems, counts: { ...ZERO }, newUnits: [], creates: [], updates: [], ends: [], membershipUpdates: [], membershipCreates: [] };
  if (problems.length > 0 || rows.some((row) => row.hasProblems)) return empty;

  const plan: ImportPlan = { ...empty, counts: { ...ZERO } };
  for (const row of rows) {
    const values = row.values;
    const unit = rowUnits.get(row);
    const employeeNumber = values.employeeNumber;
    if (employeeNumber === undefined || values.firstName === undefined || values.lastName === undefined || !unit) {
      // Cannot happen for a row without problems: the required fields were checked.
      throw new Error(`row on line ${row.line} has no problems but lacks a required value`);
    }
    const existing = personsByNumber.get(employeeNumber);
    if (!existing) {
      const endDate = values.endDate ?? null;
      const startDate = values.startDate ?? (endDate !== null && endDate < today ? endDate : today);
      plan.creates.push({
        employeeNumber,
        fields: {
          firstName: values.firstName,
          lastName: values.lastName,
          email: values.email ?? null,
          roleTitle: values.roleTitle ?? DEFAULT_ROLE_TITLE,
          employmentType: values.employmentType ?? DEFAULT_EMPLOYMENT_TYPE,
          startDate,
          endDate,
          gender: values.gender ?? null,
          preferredLanguage: values.preferredLanguage ?? 'sv',
        },
        membership: { unit, startDate, endDate },
      });
      plan.counts.created++;
      continue;
    }

    const target: PersonFields = {
      firstName: values.firstName,
      lastName: values.lastName,
      email: values.email ?? existing.email,
      roleTitle: values.roleTitle ?? existing.roleTitle,
      employmentType: values.employmentType ?? existing.employmentType,
      startDate: values.startDate ?? existing.startDate,
      endDate: values.endDate === undefined ? existing.endDate : values.endDate,
      gender: values.gender ?? existing.gender,
      preferredLanguage: values.preferredLanguage ?? existing.preferredLanguage,
    };
    const changed = (Object.keys(target) as Array<keyof PersonFields>).some((key) => target[key] !== existing[key]);
    const memberships = planMemberships(existing.id, target, unit, membershipsByPerson.get(existing.id) ?? [], today);
    if (changed) plan.updates.push({ personId: existing.id, fields: target, emailChanged: target.email !== existing.email });
    plan.membershipUpdates.push(...memberships.updates);
    plan.membershipCreates.push(...memberships.creates);
    if (changed || memberships.updates.length > 0 || memberships.creates.length > 0) plan.counts.updated++;
    else plan.counts.unchanged++;
  }

  if (options.mode === 'full') {
    for (const person of state.persons) {
      if (inFile.has(person.employeeNumber) || person.pseudonymised || person.id === options.protectedPersonId) continue;
      if (person.endDate !== null && person.endDate <= today) continue;
      plan.ends.push(person.id);
      plan.counts.ended++;
      for (const membership of membershipsByPerson.get(person.id) ?? []) {
        const endDate = maxDate(membership.startDate, today);
        if (membership.endDate !== endDate) plan.membershipUpdates.push({ id: membership.id, endDate });
      }
    }
  }

  plan.newUnits = [...newUnits.values()].map(({ code, name, areaId }) => ({ code, name, areaId }));
  plan.counts.unitsCreated = plan.newUnits.length;
  return plan;
}

/** Membership changes that put an existing person in `unit` from the import date (see `planImport`). */
export function planMemberships(
  personId: string,
  target: Pick<PersonFields, 'startDate' | 'endDate'>,
  unit: UnitRef,
  active: ExistingMembership[],
  today: string,
): { updates: PlannedMembershipUpdate[]; creates: PlannedMembershipCreate[] } {
  const updates: PlannedMembershipUpdate[] = [];
  const creates: PlannedMembershipCreate[] = [];
  const sorted = [...active].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
  const end = target.endDate;
  const endFrom = (startDate: string) => (end === null ? null : maxDate(startDate, end));

  if (end !== null && end < today) {
    // The person has left: nothing current remains, nobody is moved.
    for (const membership of sorted) {
      const endDate = maxDate(membership.startDate, end);
      if (membership.endDate !== endDate) updates.push({ id: membership.id, endDate });
    }
    return { updates, creates };
  }

  const inUnit = sorted.filter((membership) => 'unitId' in unit && membership.unitId === unit.unitId);
  let kept = inUnit[0];
  if (kept) {
    const endDate = endFrom(kept.startDate);
    if (kept.endDate !== endDate) updates.push({ id: kept.id, endDate });
  } else {
    const startDate = maxDate(today, target.startDate);
    const notBegun = sorted.find((membership) => membership.startDate >= startDate);
    if (notBegun) {
      kept = notBegun;
      updates.push({ id: notBegun.id, unit, endDate: endFrom(notBegun.startDate) });
    } else {
      creates.push({ personId, unit, startDate, endDate: endFrom(startDate) });
    }
  }
  const dayBefore = addDays(today, -1);
  for (const membership of sorted) {
    if (membership === kept || inUnit.includes(membership)) continue;
    const endDate = maxDate(membership.startDate, dayBefore);
    if (membership.endDate !== endDate) updates.push({ id: membership.id, endDate });
  }
  return { updates, creates };
}
