import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staff member may read the staff pages (sign-in, start page, answering a check, own development, own data) in more
 * languages than Swedish and English: `STAFF_LANGUAGES` in libs/contracts/src/languages.ts. The person's choice is
 * kept on `person.preferred_language` as before, so it follows them to every device. What exists only in Swedish and
 * English (the other pages, e-mail, calendar feeds, server messages) reads it through `uiLanguageFor` in
 * libs/contracts/src/people.ts: English stays English, everything else is Swedish.
 */
export class StaffLanguage1763902418000 implements MigrationInterface {
  name = 'StaffLanguage1763902418000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table person drop constraint if exists person_preferred_language_check`);
    await q.query(`
      alter table person add constraint person_preferred_language_check
        check (preferred_language in ('sv', 'sv-x-easy', 'en', 'ar', 'so', 'ti', 'fa', 'bs', 'fi'))
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // Languages the old constraint does not know fall back to Swedish, the default.
    await q.query(`update person set preferred_language = 'sv' where preferred_language not in ('sv', 'en')`);
    await q.query(`alter table person drop constraint if exists person_preferred_language_check`);
    await q.query(`alter table person add constraint person_preferred_language_check check (preferred_language in ('sv', 'en'))`);
  }
}
