import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competence profiles (api/src/insights/profiles*): HR's target level per competence for a role title, optionally
 * narrowed to one area. A competence is a SIS dimension (`knowledge`, `skills`, `ability`, `will`) or a DigComp
 * competence (`digcomp:1.2`); the level is a step of the four-step scale. Gaps are computed from the people's latest
 * check answers and are never stored.
 */
export class CompetenceProfiles1763901300000 implements MigrationInterface {
  name = 'CompetenceProfiles1763901300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table competence_profile (
        id uuid primary key,
        organisation_id uuid not null references organisation(id),
        role_title text not null check (length(role_title) between 1 and 100),
        area_id uuid references area(id),
        created_by uuid references person(id),
        updated_at timestamptz not null default now()
      )`);
    // One profile per role title (case-insensitive) and area, and one organisation-wide per role title.
    await q.query(
      `create unique index competence_profile_title_area_uq on competence_profile (organisation_id, lower(role_title), area_id) where area_id is not null`,
    );
    await q.query(`create unique index competence_profile_title_uq on competence_profile (organisation_id, lower(role_title)) where area_id is null`);
    await q.query(`select kunna_enable_tenant_rls('competence_profile')`);
    await q.query(`
      create table competence_profile_target (
        profile_id uuid not null references competence_profile(id) on delete cascade,
        organisation_id uuid not null references organisation(id),
        competence text not null check (competence in ('knowledge', 'skills', 'ability', 'will') or competence ~ '^digcomp:[1-5]\\.[1-9]$'),
        target_level smallint not null check (target_level between 1 and 4),
        primary key (profile_id, competence)
      )`);
    await q.query(`select kunna_enable_tenant_rls('competence_profile_target')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table competence_profile_target`);
    await q.query(`drop table competence_profile`);
  }
}
