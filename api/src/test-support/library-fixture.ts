import type { Client } from 'pg';
import { PNG_BYTES } from './zip-builder';

/**
 * Library and ambassador objects of the tenant fixture, one per scope the authorization matrix checks:
 * a shared network module and program, a local module and program in organisation A and in organisation B,
 * program assignments on U1, U2 and U4, appointments of an ambassador in U1, U2 and U4 and a qualification each.
 * Nothing here grants roles, so the fixture's access is exactly as its people were given.
 */
export interface LibraryFixture {
  networkModule: ModuleFixture;
  moduleA: ModuleFixture;
  moduleB: ModuleFixture;
  networkProgram: string;
  programA: string;
  programB: string;
  /** Assignments of the network program (in A on U1 and U2, in B on U4). */
  assignmentU1: string;
  assignmentU2: string;
  assignmentU4: string;
  /** Appointments: ambassadorU1 on U1, staffU2 on U2, staffU4 on U4. */
  appointmentU1: string;
  appointmentU2: string;
  appointmentU4: string;
  /** Qualifications for the network module: ambassadorU1, staffU2, staffU4. */
  qualificationU1: string;
  qualificationU2: string;
  qualificationU4: string;
}

export interface ModuleFixture {
  id: string;
  versionId: string;
  attachmentId: string;
}

interface Base {
  networkId: string;
  orgA: string;
  orgB: string;
  unitU1: string;
  unitU2: string;
  unitU4: string;
  ambassadorU1: string;
  staffU2: string;
  staffU4: string;
}

export async function loadLibraryFixture(client: Client, base: Base): Promise<LibraryFixture> {
  const one = async (sql: string, params: unknown[]) => ((await client.query(sql, params)).rows[0] as { id: string }).id;

  const module = async (organisationId: string | null, title: string): Promise<ModuleFixture> => {
    const id = await one(`insert into library_module (network_id, organisation_id, ownership) values ($1, $2, $3) returning id`, [
      base.networkId,
      organisationId,
      organisationId ? 'organisation' : 'network',
    ]);
    const versionId = await one(
      `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary,
                                           learning_goals, competence_dimensions, digcomp_codes, target_groups, format, duration_minutes,
                                           facilitator_guide, knowledge_items, published_at)
       values ($1, $2, $3, 1, 'draft', $4, 'Sammanfattning', '{Mål}', '{knowledge}', '{4.2}', '{staff}', 'workplace_session', 30,
               '# Handledning', $5, null) returning id`,
      [
        id,
        base.networkId,
        organisationId,
        title,
        JSON.stringify([
          {
            id: 'k1',
            kind: 'single',
            question: 'Fråga?',
            options: [
              { id: 'a', text: 'Rätt' },
              { id: 'b', text: 'Fel' },
            ],
            correctOptionIds: ['a'],
            explanation: 'För att.',
          },
        ]),
      ],
    );
    const attachmentId = await one(
      `insert into library_attachment (network_id, organisation_id, file_name, content_type, byte_size, sha256, content)
       values ($1, $2, 'bild.png', 'image/png', $3, 'fixture', $4) returning id`,
      [base.networkId, organisationId, PNG_BYTES.length, PNG_BYTES],
    );
    await client.query(`insert into library_version_attachment (version_id, attachment_id, organisation_id, title, position) values ($1, $2, $3, 'Bild', 1)`, [
      versionId,
      attachmentId,
      organisationId,
    ]);
    // Attachments are linked while the version is a draft; publishing freezes them.
    await client.query(`update library_module_version set status = 'published', published_at = now() where id = $1`, [versionId]);
    return { id, versionId, attachmentId };
  };
  const networkModule = await module(null, 'Nätverksmodul');
  const moduleA = await module(base.orgA, 'Egen modul A');
  const moduleB = await module(base.orgB, 'Egen modul B');

  const program = async (organisationId: string | null, title: string, moduleId: string) => {
    const id = await one(
      `insert into library_program (network_id, organisation_id, ownership, title, kind) values ($1, $2, $3, $4, 'themed_series') returning id`,
      [base.networkId, organisationId, organisationId ? 'organisation' : 'network', title],
    );
    await client.query(`insert into library_program_step (program_id, position, organisation_id, module_id) values ($1, 1, $2, $3)`, [
      id,
      organisationId,
      moduleId,
    ]);
    return id;
  };
  const networkProgram = await program(null, 'Nätverksprogram', networkModule.id);
  const programA = await program(base.orgA, 'Eget program A', moduleA.id);
  const programB = await program(base.orgB, 'Eget program B', moduleB.id);

  const assignment = (organisationId: string, unitId: string) =>
    one(
      `insert into library_program_assignment (organisation_id, program_id, target_type, unit_id, start_date)
       values ($1, $2, 'unit', $3, '2024-01-01') returning id`,
      [organisationId, networkProgram, unitId],
    );

  const appointment = async (organisationId: string, personId: string, unitId: string) => {
    const id = await one(
      `insert into ambassador_appointment (organisation_id, person_id, allocation_kind, allocation_value, start_date)
       values ($1, $2, 'hours_per_month', 8, '2024-01-01') returning id`,
      [organisationId, personId],
    );
    const grant = await client.query(`select id from role_assignment where person_id = $1 and role = 'ambassador' and scope_type = 'unit' and scope_id = $2`, [
      personId,
      unitId,
    ]);
    await client.query(
      `insert into ambassador_appointment_unit (appointment_id, unit_id, organisation_id, role_assignment_id, grant_created)
       values ($1, $2, $3, $4, false)`,
      [id, unitId, organisationId, (grant.rows[0] as { id: string } | undefined)?.id ?? null],
    );
    return id;
  };

  const qualification = (organisationId: string, personId: string) =>
    one(
      `insert into ambassador_qualification (organisation_id, person_id, module_id, source, valid_from, valid_until)
       values ($1, $2, $3, 'explicit', '2024-01-01', current_date + 365) returning id`,
      [organisationId, personId, networkModule.id],
    );

  return {
    networkModule,
    moduleA,
    moduleB,
    networkProgram,
    programA,
    programB,
    assignmentU1: await assignment(base.orgA, base.unitU1),
    assignmentU2: await assignment(base.orgA, base.unitU2),
    assignmentU4: await assignment(base.orgB, base.unitU4),
    appointmentU1: await appointment(base.orgA, base.ambassadorU1, base.unitU1),
    appointmentU2: await appointment(base.orgA, base.staffU2, base.unitU2),
    appointmentU4: await appointment(base.orgB, base.staffU4, base.unitU4),
    qualificationU1: await qualification(base.orgA, base.ambassadorU1),
    qualificationU2: await qualification(base.orgA, base.staffU2),
    qualificationU4: await qualification(base.orgB, base.staffU4),
  };
}
