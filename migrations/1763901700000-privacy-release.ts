import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The privacy gate's release log (api/src/privacy): every group an aggregate was released for, per organisation and
 * kind of value (`family`), to anyone in the organisation (so that two viewers cannot subtract each other's figures
 * either), as its members' value and person keys (64-bit hashes, compact for organisation-wide groups of thousands). Replaces `check_release`, which recorded response ids per instrument and
 * so measured a difference in responses, not people; its sets cannot be converted, so it is dropped: after this
 * migration the gate starts from an empty log.
 */
export class PrivacyRelease1763901700000 implements MigrationInterface {
  name = 'PrivacyRelease1763901700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table privacy_release (
        id bigint generated always as identity primary key,
        organisation_id uuid not null references organisation(id),
        family text not null check (length(family) between 1 and 200),
        set_key text not null,
        elements bigint[] not null,
        persons bigint[] not null check (cardinality(persons) = cardinality(elements)),
        released_at timestamptz not null default now()
      )`);
    // Each distinct set once: releasing the same group again reveals nothing new.
    await q.query(`create unique index privacy_release_set_uq on privacy_release (organisation_id, family, set_key)`);
    await q.query(`select kunna_enable_tenant_rls('privacy_release')`);
    await q.query(`drop table check_release`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create table check_release (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        instrument_id uuid not null references check_instrument(id),
        requested_by uuid references person(id),
        group_key text not null,
        response_ids uuid[] not null,
        created_at timestamptz not null default now(),
        response_set_key text not null
      )`);
    await q.query(`create index check_release_instrument_idx on check_release(organisation_id, instrument_id)`);
    await q.query(`create unique index check_release_set_idx on check_release(organisation_id, instrument_id, response_set_key)`);
    await q.query(`select kunna_enable_tenant_rls('check_release')`);
    await q.query(`drop table privacy_release`);
  }
}
