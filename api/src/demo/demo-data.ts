import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { loadDemoLibraryAndAmbassadors } from '../ambassadors';
import { loadDemoChecks } from '../checks';
import { loadDemoInsights } from '../insights';
import { ARGON2_OPTIONS } from '../auth';
import { localDay } from '../database/local-day';
import { pgClientRunner } from '../library';
import { loadDemoSessions } from '../sessions';

export const DEMO_PASSWORD = 'Kunna-demo-2026';

export interface DemoAccount {
  role: string;
  identifier: string;
  description: string;
}

export interface DemoResult {
  password: string;
  accounts: DemoAccount[];
}

interface UnitSpec {
  name: string;
  code: string;
  staff: number;
}
interface AreaSpec {
  name: string;
  kind: string;
  units: UnitSpec[];
}
interface OrgSpec {
  name: string;
  kind: 'municipality' | 'private_provider';
  domain: string;
  numberPrefix: string;
  areas: AreaSpec[];
}

const ORGANISATIONS: OrgSpec[] = [
  {
    name: 'Älvstads kommun',
    kind: 'municipality',
    domain: 'alvstad.example',
    numberPrefix: 'A',
    areas: [
      {
        name: 'Äldreomsorg',
        kind: 'elderly_care',
        units: [
          { name: 'Solgårdens vård- och omsorgsboende', code: 'AO-SOL', staff: 20 },
          { name: 'Ekbackens vård- och omsorgsboende', code: 'AO-EKB', staff: 16 },
        ],
      },
      {
        name: 'Hemtjänst',
        kind: 'home_care',
        units: [
          { name: 'Hemtjänst Centrum', code: 'HT-CEN', staff: 18 },
          { name: 'Hemtjänst Norr', code: 'HT-NOR', staff: 14 },
        ],
      },
      {
        name: 'Funktionsstöd',
        kind: 'disability_support',
        units: [
          { name: 'Gruppbostad Linden', code: 'FS-LIN', staff: 10 },
          { name: 'Daglig verksamhet Kompassen', code: 'FS-KOM', staff: 10 },
        ],
      },
    ],
  },
  {
    name: 'Bergsjö kommun',
    kind: 'municipality',
    domain: 'bergsjo.example',
    numberPrefix: 'B',
    areas: [
      { name: 'Äldreomsorg', kind: 'elderly_care', units: [{ name: 'Björkhaga äldreboende', code: 'BJ-AO1', staff: 18 }] },
      { name: 'Hemtjänst', kind: 'home_care', units: [{ name: 'Hemtjänst Bergsjö', code: 'BJ-HT1', staff: 16 }] },
    ],
  },
  {
    name: 'Omsorgshuset Väst AB',
    kind: 'private_provider',
    domain: 'omsorgshuset.example',
    numberPrefix: 'O',
    areas: [
      {
        name: 'Äldreomsorg',
        kind: 'elderly_care',
        units: [
          { name: 'Havsutsiktens äldreboende', code: 'OH-HAV', staff: 14 },
          { name: 'Strandängens äldreboende', code: 'OH-STR', staff: 12 },
        ],
      },
    ],
  },
];

const FIRST_NAMES = [
  'Anna',
  'Maria',
  'Fatima',
  'Elin',
  'Sara',
  'Amina',
  'Karin',
  'Lena',
  'Emma',
  'Hanna',
  'Ida',
  'Sofia',
  'Aisha',
  'Leyla',
  'Mona',
  'Helena',
  'Johanna',
  'Linnea',
  'Nadia',
  'Zahra',
  'Erik',
  'Johan',
  'Ali',
  'Mohammed',
  'Anders',
  'Lars',
  'Ahmed',
  'Peter',
  'Mikael',
  'Omar',
  'Jonas',
  'Daniel',
  'Hassan',
  'Per',
  'Yusuf',
  'Mats',
  'Teresia',
  'Birgitta',
  'Ingrid',
  'Agnes',
];
const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Hassan',
  'Ali',
  'Mohammed',
  'Ahmed',
  'Lindberg',
  'Lindqvist',
  'Berg',
  'Holm',
  'Sandberg',
  'Yilmaz',
  'Nowak',
  'Kovačević',
  'Jönsson',
  'Åberg',
  'Öberg',
  'Ekström',
  'Haddad',
  'Abdi',
  'Warsame',
  'Lund',
];
const CARE_TITLES = ['undersköterska', 'undersköterska', 'undersköterska', 'vårdbiträde', 'vårdbiträde', 'sjuksköterska'];
const SUPPORT_TITLES = ['stödassistent', 'stödassistent', 'personlig assistent', 'undersköterska'];

/** A small deterministic generator, so every fresh start has the same demo people. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function slug(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

/** Loads the demo network on an empty database; does nothing when any organisation exists. */
export async function loadDemoDataIfEmpty(databaseUrl: string, today = new Date()): Promise<DemoResult | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The owner's explicit system context: row-level security is forced on the owner too (this
    // connection is dedicated and closed below, so the session-level setting ends with it).
    await client.query(`select set_config('kunna.system', 'on', false)`);
    const existing = await client.query('select count(*)::int as n from organisation');
    if ((existing.rows[0] as { n: number }).n > 0) return { password: DEMO_PASSWORD, accounts: await listDemoAccounts(client) };
    await client.query('begin');
    const result = await insertDemoData(client, today);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

const ROLE_LABELS: Record<string, string> = {
  org_admin: 'Organisationsadmin',
  hr: 'HR',
  network_coordinator: 'Nätverkssamordnare',
  area_manager: 'Verksamhetschef',
  manager: 'Enhetschef',
  ambassador: 'Digitaliseringsombud',
};

/** On a restart, the sign-ins are read back from the data: one account per role and organisation. */
async function listDemoAccounts(client: Client): Promise<DemoAccount[]> {
  const rows = await client.query(
    `select distinct on (coalesce(r.role, 'staff'), o.name)
            coalesce(r.role, 'staff') as role, p.email, p.employee_number, o.name as organisation,
            coalesce(u.name, a.name, o.name) as scope_name
       from person p
       join credential c on c.person_id = p.id
       join organisation o on o.id = p.organisation_id
       left join role_assignment r on r.person_id = p.id
       left join unit u on r.scope_type = 'unit' and u.id = r.scope_id
       left join area a on r.scope_type = 'area' and a.id = r.scope_id
      where r.id is not null or p.email is null
      order by coalesce(r.role, 'staff'), o.name, p.employee_number`,
  );
  return (rows.rows as Array<{ role: string; email: string | null; employee_number: string; organisation: string; scope_name: string }>).map((row) => ({
    role: ROLE_LABELS[row.role] ?? 'Medarbetare',
    identifier: row.email ?? `${row.employee_number} (${row.organisation})`,
    description: row.email ? row.scope_name : 'utan e-post: anställningsnummer + organisation',
  }));
}

async function insertDemoData(client: Client, today: Date): Promise<DemoResult> {
  const random = seededRandom(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const isoDaysAgo = (days: number) => localDay(today, -days);
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);

  const network = await client.query(`insert into network (name) values ('Västkustens kompetensnätverk') returning id`);
  const networkId = (network.rows[0] as { id: string }).id;
  const accounts: DemoAccount[] = [];

  const insertPerson = async (p: {
    organisationId: string;
    employeeNumber: string;
    firstName: string;
    lastName: string;
    email: string | null;
    roleTitle: string;
    employmentType: string;
    startDate: string;
    gender: string | null;
    unitId: string | null;
    account: boolean;
  }): Promise<string> => {
    const person = await client.query(
      `insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type, start_date, gender, preferred_language)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'sv') returning id`,
      [p.organisationId, p.employeeNumber, p.firstName, p.lastName, p.email, p.roleTitle, p.employmentType, p.startDate, p.gender],
    );
    const personId = (person.rows[0] as { id: string }).id;
    if (p.unitId) {
      await client.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, $4)`, [
        p.organisationId,
        personId,
        p.unitId,
        p.startDate,
      ]);
    }
    if (p.account) {
      await client.query(`insert into credential (person_id, organisation_id, password_hash, password_changed_at) values ($1, $2, $3, now())`, [
        personId,
        p.organisationId,
        passwordHash,
      ]);
    }
    return personId;
  };
  const grant = (organisationId: string, personId: string, role: string, scopeType: string, scopeId: string) =>
    client.query(`insert into role_assignment (organisation_id, person_id, role, scope_type, scope_id, start_date) values ($1, $2, $3, $4, $5, $6)`, [
      organisationId,
      personId,
      role,
      scopeType,
      scopeId,
      isoDaysAgo(400),
    ]);

  let ambassadorsLeft = 8;
  for (const [orgIndex, org] of ORGANISATIONS.entries()) {
    const orgRow = await client.query(`insert into organisation (network_id, name, kind) values ($1, $2, $3) returning id`, [networkId, org.name, org.kind]);
    const organisationId = (orgRow.rows[0] as { id: string }).id;
    let employeeSeq = 1000;
    const nextNumber = () => `${org.numberPrefix}${++employeeSeq}`;
    const staffPerson = (unitId: string | null, title: string, firstName = pick(FIRST_NAMES), lastName = pick(LAST_NAMES), withEmail = true) => {
      const substitute = random() < 0.22;
      return {
        organisationId,
        employeeNumber: nextNumber(),
        firstName,
        lastName,
        // Many care workers, especially substitutes, have no work e-mail.
        email: withEmail && !substitute && random() < 0.6 ? `${slug(firstName)}.${slug(lastName)}${employeeSeq}@${org.domain}` : null,
        roleTitle: title,
        employmentType: substitute ? (random() < 0.5 ? 'substitute' : 'hourly') : 'permanent',
        startDate: isoDaysAgo(Math.floor(random() * 3000) + 20),
        gender: random() < 0.82 ? 'female' : random() < 0.9 ? 'male' : null,
        unitId,
        account: false,
      };
    };

    for (const [areaIndex, area] of org.areas.entries()) {
      const areaRow = await client.query(`insert into area (organisation_id, name, kind) values ($1, $2, $3) returning id`, [
        organisationId,
        area.name,
        area.kind,
      ]);
      const areaId = (areaRow.rows[0] as { id: string }).id;

      if (orgIndex === 0 && areaIndex === 0) {
        const id = await insertPerson({
          ...staffPerson(null, 'verksamhetschef', 'Marie', 'Ekström'),
          email: `marie.ekstrom@${org.domain}`,
          employmentType: 'permanent',
          account: true,
        });
        await grant(organisationId, id, 'area_manager', 'area', areaId);
        accounts.push({ role: 'Verksamhetschef', identifier: `marie.ekstrom@${org.domain}`, description: `${area.name}, ${org.name}` });
      }

      for (const [unitIndex, unit] of area.units.entries()) {
        const unitRow = await client.query(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, $3, $4) returning id`, [
          organisationId,
          areaId,
          unit.name,
          unit.code,
        ]);
        const unitId = (unitRow.rows[0] as { id: string }).id;
        const titles = area.kind === 'disability_support' ? SUPPORT_TITLES : CARE_TITLES;

        const manager = staffPerson(unitId, 'enhetschef');
        manager.email = `${slug(manager.firstName)}.${slug(manager.lastName)}@${org.domain}`;
        manager.employmentType = 'permanent';
        manager.account = true;
        const managerId = await insertPerson(manager);
        await grant(organisationId, managerId, 'manager', 'unit', unitId);
        if (unitIndex === 0) {
          accounts.push({ role: 'Enhetschef', identifier: manager.email, description: unit.name });
        }

        for (let i = 0; i < unit.staff; i++) {
          const person = staffPerson(unitId, pick(titles));
          const isAmbassador = i === 0 && ambassadorsLeft > 0;
          if (isAmbassador) {
            person.employmentType = 'permanent';
            person.email = `${slug(person.firstName)}.${slug(person.lastName)}@${org.domain}`;
            person.account = true;
            ambassadorsLeft--;
          }
          // One demo staff member without e-mail signs in with employee number and organisation.
          const isDemoStaff = orgIndex === 0 && areaIndex === 0 && unitIndex === 0 && i === 1;
          if (isDemoStaff) {
            person.email = null;
            person.employmentType = 'permanent';
            person.account = true;
          }
          const personId = await insertPerson(person);
          if (isAmbassador) {
            await grant(organisationId, personId, 'ambassador', 'unit', unitId);
            if (orgIndex === 0 && unitIndex === 0 && areaIndex === 0) {
              accounts.push({ role: 'Digitaliseringsombud', identifier: person.email ?? '', description: unit.name });
            }
          }
          if (isDemoStaff) {
            accounts.push({
              role: 'Medarbetare',
              identifier: `${person.employeeNumber} (${org.name})`,
              description: `${unit.name}, utan e-post: anställningsnummer + organisation`,
            });
          }
        }
      }
    }

    if (orgIndex === 0) {
      const hr = await insertPerson({
        ...staffPerson(null, 'HR-specialist', 'Karin', 'Holm'),
        email: `karin.holm@${org.domain}`,
        employmentType: 'permanent',
        account: true,
      });
      await grant(organisationId, hr, 'hr', 'organisation', organisationId);
      accounts.push({ role: 'HR', identifier: `karin.holm@${org.domain}`, description: org.name });
      const admin = await insertPerson({
        ...staffPerson(null, 'annan', 'Per', 'Lund'),
        email: `admin@${org.domain}`,
        employmentType: 'permanent',
        account: true,
      });
      await grant(organisationId, admin, 'org_admin', 'organisation', organisationId);
      accounts.push({ role: 'Organisationsadmin', identifier: `admin@${org.domain}`, description: org.name });
      const coordinator = await insertPerson({
        ...staffPerson(null, 'processledare', 'Sanna', 'Berg'),
        email: `sanna.berg@${org.domain}`,
        employmentType: 'permanent',
        account: true,
      });
      await grant(organisationId, coordinator, 'network_coordinator', 'network', networkId);
      accounts.push({ role: 'Nätverkssamordnare', identifier: `sanna.berg@${org.domain}`, description: 'Västkustens kompetensnätverk' });
    }
    if (orgIndex === 1) {
      const admin = await insertPerson({
        ...staffPerson(null, 'annan', 'Jonas', 'Åberg'),
        email: `admin@${org.domain}`,
        employmentType: 'permanent',
        account: true,
      });
      await grant(organisationId, admin, 'org_admin', 'organisation', organisationId);
      accounts.push({ role: 'Organisationsadmin', identifier: `admin@${org.domain}`, description: org.name });
    }
  }

  await loadDemoLibraryAndAmbassadors(pgClientRunner(client), networkId, today);
  await loadDemoSessions(pgClientRunner(client), networkId, today);
  await loadDemoChecks(client, networkId, today);
  await loadDemoInsights(pgClientRunner(client), networkId, today);
  return { password: DEMO_PASSWORD, accounts };
}
