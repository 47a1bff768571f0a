import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Module library: DigComp 2.2 reference data, modules with immutable published versions, attachments,
 * programs (ordered modules with spacing) and their assignments to units, areas, roles or job titles.
 */
export class Library1763900300000 implements MigrationInterface {
  name = 'Library1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table digcomp_area (
        code text primary key,
        name_sv text not null,
        name_en text not null,
        position integer not null
      )`);
    await q.query(`
      create table digcomp_competence (
        code text primary key,
        area_code text not null references digcomp_area(code),
        name_sv text not null,
        name_en text not null,
        position integer not null
      )`);
    await q.query(
      `insert into digcomp_area (code, name_sv, name_en, position) select * from jsonb_to_recordset($1::jsonb)
         as x(code text, name_sv text, name_en text, position integer)`,
      [JSON.stringify(DIGCOMP_AREAS)],
    );
    await q.query(
      `insert into digcomp_competence (code, area_code, name_sv, name_en, position) select * from jsonb_to_recordset($1::jsonb)
         as x(code text, area_code text, name_sv text, name_en text, position integer)`,
      [JSON.stringify(DIGCOMP_COMPETENCES)],
    );

    await q.query(`
      create table library_module (
        id uuid primary key default gen_random_uuid(),
        network_id uuid not null references network(id),
        organisation_id uuid references organisation(id),
        ownership text not null check (ownership in ('network', 'organisation')),
        source_module_id uuid references library_module(id),
        starter_key text,
        archived_at timestamptz,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        check ((ownership = 'network') = (organisation_id is null)),
        check (source_module_id is null or ownership = 'organisation')
      )`);
    await q.query(`create index library_module_network_idx on library_module(network_id) where organisation_id is null`);
    await q.query(`create index library_module_organisation_idx on library_module(organisation_id) where organisation_id is not null`);
    await q.query(`create index library_module_source_idx on library_module(source_module_id) where source_module_id is not null`);
    await q.query(`create unique index library_module_starter_idx on library_module(network_id, starter_key) where starter_key is not null`);
    // One current copy of a source module per organisation (an archived copy frees the place).
    await q.query(`
      create unique index library_module_adaptation_idx on library_module(organisation_id, source_module_id)
       where source_module_id is not null and archived_at is null`);

    await q.query(`
      create table library_module_version (
        id uuid primary key default gen_random_uuid(),
        module_id uuid not null references library_module(id),
        network_id uuid not null references network(id),
        organisation_id uuid references organisation(id),
        version_number integer not null check (version_number >= 1),
        status text not null check (status in ('draft', 'published')),
        title text not null,
        summary text not null,
        learning_goals text[] not null default '{}',
        competence_dimensions text[] not null default '{}'
          check (competence_dimensions <@ array['knowledge', 'skills', 'ability', 'will']::text[]),
        digcomp_codes text[] not null default '{}',
        target_groups text[] not null default '{}'
          check (target_groups <@ array['staff', 'ambassadors', 'managers']::text[]),
        format text not null check (format in ('workplace_session', 'web_course', 'individual_support', 'technology_tryout')),
        duration_minutes integer not null check (duration_minutes between 5 and 480),
        glossary jsonb not null default '[]',
        facilitator_guide text not null default '',
        exercises jsonb not null default '[]',
        links jsonb not null default '[]',
        knowledge_items jsonb not null default '[]',
        repeat_interval_weeks integer check (repeat_interval_weeks between 1 and 104),
        source_version_id uuid references library_module_version(id),
        change_note text,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now(),
        published_by uuid references person(id),
        published_at timestamptz,
        check ((status = 'published') = (published_at is not null)),
        unique (module_id, version_number)
      )`);
    await q.query(`create unique index library_module_version_one_draft_idx on library_module_version(module_id) where status = 'draft'`);
    await q.query(`create index library_module_version_digcomp_idx on library_module_version using gin (digcomp_codes)`);

    // Every DigComp code a version names exists in the reference data.
    await q.query(`
      create function library_version_check() returns trigger language plpgsql as $$
      declare
        unknown text;
      begin
        select c into unknown from unnest(new.digcomp_codes) c
         where not exists (select 1 from digcomp_competence d where d.code = c) limit 1;
        if unknown is not null then
          raise exception 'unknown DigComp competence %', unknown using errcode = '23503';
        end if;
        return new;
      end $$`);
    await q.query(`
      create trigger library_version_check before insert or update on library_module_version
      for each row execute function library_version_check()`);

    // A published version never changes and is never removed: sessions refer to it.
    await q.query(`
      create function library_version_immutable() returns trigger language plpgsql as $$
      begin
        if old.status = 'published' then
          raise exception 'a published module version never changes';
        end if;
        if tg_op = 'DELETE' then
          return old;
        end if;
        return new;
      end $$`);
    await q.query(`
      create trigger library_version_no_change before update or delete on library_module_version
      for each row execute function library_version_immutable()`);

    await q.query(`
      create table library_attachment (
        id uuid primary key default gen_random_uuid(),
        network_id uuid not null references network(id),
        organisation_id uuid references organisation(id),
        file_name text not null,
        content_type text not null check (content_type in (
          'application/pdf', 'image/png', 'image/jpeg',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation')),
        byte_size integer not null check (byte_size > 0 and byte_size <= 10485760),
        sha256 text not null,
        content bytea not null,
        created_by uuid references person(id),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index library_attachment_organisation_idx on library_attachment(organisation_id)`);

    // Versions share attachment contents: a new draft copies the links, never the bytes.
    await q.query(`
      create table library_version_attachment (
        version_id uuid not null references library_module_version(id) on delete cascade,
        attachment_id uuid not null references library_attachment(id),
        organisation_id uuid references organisation(id),
        title text not null,
        position integer not null,
        primary key (version_id, attachment_id)
      )`);
    await q.query(`create index library_version_attachment_attachment_idx on library_version_attachment(attachment_id)`);
    await q.query(`
      create function library_version_attachment_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          if exists (select 1 from library_module_version v where v.id = old.version_id and v.status = 'published') then
            raise exception 'the attachments of a published module version never change';
          end if;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          if exists (select 1 from library_module_version v where v.id = new.version_id and v.status = 'published') then
            raise exception 'the attachments of a published module version never change';
          end if;
          return new;
        end if;
        return old;
      end $$`);
    await q.query(`
      create trigger library_version_attachment_no_change before insert or update or delete on library_version_attachment
      for each row execute function library_version_attachment_immutable()`);

    await q.query(`
      create table library_program (
        id uuid primary key default gen_random_uuid(),
        network_id uuid not null references network(id),
        organisation_id uuid references organisation(id),
        ownership text not null check (ownership in ('network', 'organisation')),
        title text not null,
        summary text not null default '',
        kind text not null check (kind in ('themed_series', 'onboarding', 'ambassador_training', 'other')),
        complete_within_days integer check (complete_within_days between 1 and 730),
        deadline_base text not null default 'assignment_start' check (deadline_base in ('employment_start', 'assignment_start')),
        starter_key text,
        archived_at timestamptz,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now(),
        check ((ownership = 'network') = (organisation_id is null))
      )`);
    await q.query(`create index library_program_network_idx on library_program(network_id) where organisation_id is null`);
    await q.query(`create index library_program_organisation_idx on library_program(organisation_id) where organisation_id is not null`);
    await q.query(`create unique index library_program_starter_idx on library_program(network_id, starter_key) where starter_key is not null`);

    await q.query(`
      create table library_program_step (
        program_id uuid not null references library_program(id) on delete cascade,
        position integer not null check (position >= 1),
        organisation_id uuid references organisation(id),
        module_id uuid not null references library_module(id),
        days_after_previous integer not null default 0 check (days_after_previous between 0 and 365),
        note text,
        primary key (program_id, position)
      )`);
    await q.query(`create index library_program_step_module_idx on library_program_step(module_id)`);

    // Ambassador training: completing the program qualifies for these modules.
    await q.query(`
      create table library_program_qualification (
        program_id uuid not null references library_program(id) on delete cascade,
        module_id uuid not null references library_module(id),
        organisation_id uuid references organisation(id),
        primary key (program_id, module_id)
      )`);

    await q.query(`
      create table library_program_assignment (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        program_id uuid not null references library_program(id),
        target_type text not null check (target_type in ('organisation', 'area', 'unit', 'role', 'role_title')),
        area_id uuid references area(id),
        unit_id uuid references unit(id),
        role text check (role in ('ambassador', 'manager')),
        role_title text,
        start_date date not null,
        end_date date,
        note text,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        ended_by uuid references person(id),
        check ((target_type = 'area') = (area_id is not null)),
        check ((target_type = 'unit') = (unit_id is not null)),
        check ((target_type = 'role') = (role is not null)),
        check ((target_type = 'role_title') = (role_title is not null)),
        check (end_date is null or end_date >= start_date)
      )`);
    await q.query(`create index library_program_assignment_org_idx on library_program_assignment(organisation_id, program_id)`);
    await q.query(`create index library_program_assignment_unit_idx on library_program_assignment(unit_id) where unit_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table library_program_assignment`);
    await q.query(`drop table library_program_qualification`);
    await q.query(`drop table library_program_step`);
    await q.query(`drop table library_program`);
    await q.query(`drop table library_version_attachment`);
    await q.query(`drop function library_version_attachment_immutable()`);
    await q.query(`drop table library_attachment`);
    await q.query(`drop table library_module_version`);
    await q.query(`drop function library_version_immutable()`);
    await q.query(`drop function library_version_check()`);
    await q.query(`drop table library_module`);
    await q.query(`drop table digcomp_competence`);
    await q.query(`drop table digcomp_area`);
  }
}

/** DigComp 2.2 (European Commission, JRC 2022): five competence areas. */
const DIGCOMP_AREAS = [
  { code: '1', name_sv: 'Informations- och datakompetens', name_en: 'Information and data literacy', position: 1 },
  { code: '2', name_sv: 'Kommunikation och samarbete', name_en: 'Communication and collaboration', position: 2 },
  { code: '3', name_sv: 'Skapa digitalt innehåll', name_en: 'Digital content creation', position: 3 },
  { code: '4', name_sv: 'Säkerhet', name_en: 'Safety', position: 4 },
  { code: '5', name_sv: 'Problemlösning', name_en: 'Problem solving', position: 5 },
];

/** DigComp 2.2: the 21 competences. */
const DIGCOMP_COMPETENCES = [
  ['1.1', '1', 'Söka, hitta och filtrera data, information och digitalt innehåll', 'Browsing, searching and filtering data, information and digital content'],
  ['1.2', '1', 'Värdera data, information och digitalt innehåll', 'Evaluating data, information and digital content'],
  ['1.3', '1', 'Hantera data, information och digitalt innehåll', 'Managing data, information and digital content'],
  ['2.1', '2', 'Interagera med hjälp av digital teknik', 'Interacting through digital technologies'],
  ['2.2', '2', 'Dela med hjälp av digital teknik', 'Sharing through digital technologies'],
  ['2.3', '2', 'Delta i samhället med hjälp av digital teknik', 'Engaging in citizenship through digital technologies'],
  ['2.4', '2', 'Samarbeta med hjälp av digital teknik', 'Collaborating through digital technologies'],
  ['2.5', '2', 'Nätetikett', 'Netiquette'],
  ['2.6', '2', 'Hantera digital identitet', 'Managing digital identity'],
  ['3.1', '3', 'Utveckla digitalt innehåll', 'Developing digital content'],
  ['3.2', '3', 'Integrera och omarbeta digitalt innehåll', 'Integrating and re-elaborating digital content'],
  ['3.3', '3', 'Upphovsrätt och licenser', 'Copyright and licences'],
  ['3.4', '3', 'Programmering', 'Programming'],
  ['4.1', '4', 'Skydda enheter', 'Protecting devices'],
  ['4.2', '4', 'Skydda personuppgifter och integritet', 'Protecting personal data and privacy'],
  ['4.3', '4', 'Skydda hälsa och välbefinnande', 'Protecting health and well-being'],
  ['4.4', '4', 'Skydda miljön', 'Protecting the environment'],
  ['5.1', '5', 'Lösa tekniska problem', 'Solving technical problems'],
  ['5.2', '5', 'Identifiera behov och tekniska lösningar', 'Identifying needs and technological responses'],
  ['5.3', '5', 'Använda digital teknik kreativt', 'Creatively using digital technologies'],
  ['5.4', '5', 'Identifiera luckor i den digitala kompetensen', 'Identifying digital competence gaps'],
].map(([code, area_code, name_sv, name_en], index) => ({ code, area_code, name_sv, name_en, position: index + 1 }));
