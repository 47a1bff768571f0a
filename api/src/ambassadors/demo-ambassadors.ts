import { localDay } from '../database/local-day';
import { loadStarterLibrary, SqlRunner } from '../library';

/** The workplace modules of the starter library (what ambassadors deliver). */
const WORKPLACE_KEYS = [
  'it-pa-jobbet',
  'teams-digitala-moten',
  'siths-bankid-inloggning',
  'digital-kalender-schema',
  'digital-signering-lakemedel',
  'nyckelfria-las',
  'trygghetslarm',
  'nattillsyn-kamera',
  'prova-valfardsteknik',
  'dokumentation-journal',
  'informationssakerhet-sekretess',
];

/**
 * Demo content for the library and the train-the-trainer structure, in the demo loader's transaction:
 * - the starter library in the network;
 * - an appointment (units, time allocation, period) for every demo ambassador, on the role grant they already hold;
 *   one ambassador leaves within 60 days, so the coverage flags have something to show (the private provider's
 *   units have no ambassador at all);
 * - explicit qualifications by the organisation's HR or administrator: most for every workplace module, some for
 *   a few, one running out soon;
 * - programs assigned: the introduction to every new employee, the five themed sessions to elderly care, the
 *   ambassador training to ambassadors;
 * - an adapted copy ("Nyckelfria lås i Älvstads hemtjänst") whose source has since got a version 2.
 * Idempotent per network: nothing is added for ambassadors who already have an appointment.
 */
export async function loadDemoLibraryAndAmbassadors(sql: SqlRunner, networkId: string, today: Date): Promise<void> {
  const [coordinator] = await sql.query<{ person_id: string }>(
    `select person_id from role_assignment where role = 'network_coordinator' and scope_id = $1 order by created_at limit 1`,
    [networkId],
  );
  const library = await loadStarterLibrary(sql, networkId, coordinator?.person_id ?? null);

  const ambassadors = await sql.query<{ person_id: string; organisation_id: string; unit_id: string; start_date: string; grant_id: string }>(
    `select r.person_id, r.organisation_id, r.scope_id as unit_id, r.start_date::text as start_date, r.id as grant_id
       from role_assignment r join organisation o on o.id = r.organisation_id join person p on p.id = r.person_id
      where r.role = 'ambassador' and r.scope_type = 'unit' and o.network_id = $1
        and not exists (select 1 from ambassador_appointment a where a.person_id = r.person_id)
      order by o.name <> 'Älvstads kommun', o.name, p.employee_number`,
    [networkId],
  );
  const qualifierOf = async (organisationId: string): Promise<string | null> => {
    const [row] = await sql.query<{ person_id: string }>(
      `select person_id from role_assignment where organisation_id = $1 and role in ('hr', 'org_admin') and scope_type = 'organisation'
        order by role = 'hr' desc, created_at limit 1`,
      [organisationId],
    );
    return row?.person_id ?? null;
  };

  for (const [index, ambassador] of ambassadors.entries()) {
    // Älvstad's first: the demo ambassador at Solgården. Half of them 8 hours a month, the others a share of a
    // full-time post; the fourth (Hemtjänst Norr) leaves in 45 days.
    const percent = index % 2 === 1;
    const endDate = index === 3 ? localDay(today, 45) : null;
    const [appointment] = await sql.query<{ id: string }>(
      `insert into ambassador_appointment (organisation_id, person_id, allocation_kind, allocation_value, start_date, end_date, note)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        ambassador.organisation_id,
        ambassador.person_id,
        percent ? 'percent' : 'hours_per_month',
        percent ? 10 : 8,
        ambassador.start_date,
        endDate,
        endDate ? 'Går över till en tjänst som samordnare. En efterträdare behöver utses.' : null,
      ],
    );
    await sql.query(
      `insert into ambassador_appointment_unit (appointment_id, unit_id, organisation_id, role_assignment_id, grant_created)
       values ($1, $2, $3, $4, false)`,
      [appointment.id, ambassador.unit_id, ambassador.organisation_id, ambassador.grant_id],
    );
    if (endDate) await sql.query(`update role_assignment set end_date = $2 where id = $1`, [ambassador.grant_id, endDate]);

    const qualifiedBy = await qualifierOf(ambassador.organisation_id);
    const keys = index < 6 ? WORKPLACE_KEYS : WORKPLACE_KEYS.slice(0, 4);
    for (const [keyIndex, key] of keys.entries()) {
      // One qualification runs out in two weeks, to show renewal.
      const validUntil = index === 0 && keyIndex === 0 ? localDay(today, 14) : localDay(today, 700);
      await sql.query(
        `insert into ambassador_qualification (organisation_id, person_id, module_id, source, valid_from, valid_until, note, created_by)
         values ($1, $2, $3, 'explicit', $4, $5, 'Gick ombudsutbildningen innan Kunna infördes.', $6)`,
        [ambassador.organisation_id, ambassador.person_id, library.moduleIds[key], localDay(today, -300), validUntil, qualifiedBy],
      );
    }
  }

  if (library.programsCreated === 0) return;
  const organisations = await sql.query<{ id: string; name: string }>(`select id, name from organisation where network_id = $1 order by name`, [networkId]);
  for (const organisation of organisations) {
    const assign = (programKey: string, target: string, extra: { areaId?: string; role?: string } = {}) =>
      sql.query(
        `insert into library_program_assignment (organisation_id, program_id, target_type, area_id, role, start_date)
         values ($1, $2, $3, $4, $5, $6)`,
        [organisation.id, library.programIds[programKey], target, extra.areaId ?? null, extra.role ?? null, localDay(today, -60)],
      );
    await assign('introduktion-nyanstallda', 'organisation');
    await assign('ombudsutbildning', 'role', { role: 'ambassador' });
    const [elderlyCare] = await sql.query<{ id: string }>(`select id from area where organisation_id = $1 and kind = 'elderly_care' order by name limit 1`, [
      organisation.id,
    ]);
    if (elderlyCare) await assign('fem-arbetsplatstraffar', 'area', { areaId: elderlyCare.id });
  }

  await adaptKeylessLocks(sql, networkId, library.moduleIds['nyckelfria-las'], coordinator?.person_id ?? null, today);
}

/** Älvstad's own version of the keyless-locks module, made from version 1, after which the source got version 2. */
async function adaptKeylessLocks(sql: SqlRunner, networkId: string, sourceId: string, coordinatorId: string | null, today: Date): Promise<void> {
  const [alvstad] = await sql.query<{ id: string }>(`select id from organisation where network_id = $1 and name = 'Älvstads kommun'`, [networkId]);
  const [source] = await sql.query<{ id: string; version_number: number }>(
    `select id, version_number from library_module_version where module_id = $1 and status = 'published' order by version_number desc limit 1`,
    [sourceId],
  );
  if (!alvstad || !source || source.version_number !== 1) return;
  const [hr] = await sql.query<{ person_id: string }>(`select person_id from role_assignment where organisation_id = $1 and role = 'hr' limit 1`, [alvstad.id]);
  const [copy] = await sql.query<{ id: string }>(
    `insert into library_module (network_id, organisation_id, ownership, source_module_id, created_by)
     values ($1, $2, 'organisation', $3, $4) returning id`,
    [networkId, alvstad.id, sourceId, hr?.person_id ?? null],
  );
  const localGuide =
    '\n\n# I Älvstad\n- Reservnycklar finns i nyckelskåpet på hemtjänstkontoret.\n- Ring planeringen på 0123-45 67 89 om låset inte öppnas efter klockan 22.\n';
  await sql.query(
    `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, learning_goals,
                                         competence_dimensions, digcomp_codes, target_groups, format, duration_minutes, glossary,
                                         facilitator_guide, exercises, links, knowledge_items, repeat_interval_weeks, source_version_id,
                                         change_note, created_by, updated_by, published_by, published_at, created_at, updated_at)
     select $1, network_id, $2, 1, 'published', 'Nyckelfria lås i Älvstads hemtjänst', summary, learning_goals, competence_dimensions,
            digcomp_codes, target_groups, format, duration_minutes, glossary, facilitator_guide || $3, exercises, links, knowledge_items,
            repeat_interval_weeks, id, 'Med Älvstads reservrutin.', $4, $4, $4, $5, $5, $5
       from library_module_version where id = $6`,
    [copy.id, alvstad.id, localGuide, hr?.person_id ?? null, new Date(today.getTime() - 30 * 86400_000), source.id],
  );
  // The network's version 2 of the source: Älvstad's copy now shows that a newer version is available.
  await sql.query(
    `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, learning_goals,
                                         competence_dimensions, digcomp_codes, target_groups, format, duration_minutes, glossary,
                                         facilitator_guide, exercises, links, knowledge_items, repeat_interval_weeks, change_note,
                                         created_by, updated_by, published_by, published_at)
     select module_id, network_id, null, 2, 'published', title, summary, learning_goals, competence_dimensions, digcomp_codes,
            target_groups, format, duration_minutes,
            glossary || '[{"term": "Batterivarning", "explanation": "Ett meddelande i appen om att låsets batteri snart behöver bytas."}]'::jsonb,
            facilitator_guide || $2, exercises, links, knowledge_items, repeat_interval_weeks,
            'Nytt: vad du gör när appen varnar för svagt batteri i låset.', $3, $3, $3, now()
       from library_module_version where id = $1`,
    [
      source.id,
      '\n\n# Batterivarning\n- Appen varnar när låsets batteri är svagt. Säg till den som byter batterier **samma dag**, enligt er rutin.\n',
      coordinatorId,
    ],
  );
}
