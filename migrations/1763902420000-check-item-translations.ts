import { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGES = `('sv-x-easy', 'en', 'ar', 'so', 'ti', 'fa', 'bs', 'fi')`;
const ANSWER_LANGUAGES = `('sv', 'sv-x-easy', 'en', 'ar', 'so', 'ti', 'fa', 'bs', 'fi')`;

/**
 * Check items in other languages (issue 18): a translation per item and language with its provenance (who made
 * it and when, from a translation tool or by a person) and its review (draft until a named person reviews it);
 * a recording per item and language stored like module attachments (bytes in the database); the instrument
 * owner's choice to show drafts; and the language each response and answer was given in. Answers keep the item
 * key, so pairing and every figure treat the item as the same in every language.
 *
 * A translation either belongs to an organisation and one of its instruments, or is network-shared
 * (`organisation_id` null) and translates a core item (`core-<id>`) for every organisation of the network;
 * an organisation's own translation of a core item in its instrument takes precedence over the shared one.
 */
export class CheckItemTranslations1763902420000 implements MigrationInterface {
  name = 'CheckItemTranslations1763902420000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table check_item_translation (
        id uuid primary key default gen_random_uuid(),
        network_id uuid not null references network(id),
        organisation_id uuid references organisation(id),
        instrument_id uuid references check_instrument(id) on delete cascade,
        item_key text not null,
        language text not null check (language in ${LANGUAGES}),
        text text not null check (length(text) between 1 and 500),
        options jsonb not null default '{}' check (jsonb_typeof(options) = 'object'),
        source_text text not null,
        source text not null check (source in ('machine', 'human')),
        status text not null default 'draft' check (status in ('draft', 'reviewed')),
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now(),
        reviewed_by uuid references person(id),
        reviewed_at timestamptz,
        check ((status = 'reviewed') = (reviewed_at is not null)),
        check ((organisation_id is null) = (instrument_id is null)),
        check (organisation_id is not null or item_key like 'core-%')
      )`);
    await q.query(`
      create unique index check_item_translation_own_idx on check_item_translation(instrument_id, item_key, language)
       where instrument_id is not null`);
    await q.query(`
      create unique index check_item_translation_shared_idx on check_item_translation(network_id, item_key, language)
       where organisation_id is null`);
    await q.query(`select kunna_enable_tenant_rls('check_item_translation', 'network_id = (select kunna_network())')`);

    await q.query(`
      create table check_item_audio (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        instrument_id uuid not null references check_instrument(id) on delete cascade,
        item_key text not null,
        language text not null check (language in ${ANSWER_LANGUAGES}),
        file_name text not null,
        content_type text not null check (content_type in ('audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm')),
        byte_size integer not null check (byte_size > 0 and byte_size <= 10485760),
        sha256 text not null,
        content bytea not null,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        unique (instrument_id, item_key, language)
      )`);
    await q.query(`select kunna_enable_tenant_rls('check_item_audio')`);

    await q.query(`alter table check_instrument add column allow_draft_translations boolean not null default false`);
    await q.query(`alter table check_response add column language text not null default 'sv' check (language in ${ANSWER_LANGUAGES})`);
    await q.query(`alter table check_answer add column language text not null default 'sv' check (language in ${ANSWER_LANGUAGES})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table check_answer drop column language`);
    await q.query(`alter table check_response drop column language`);
    await q.query(`alter table check_instrument drop column allow_draft_translations`);
    await q.query(`drop table check_item_audio`);
    await q.query(`drop table check_item_translation`);
  }
}
