import request from 'supertest';
import { CSRF_HEADER } from '@kunna/contracts';
import { FIXTURE_PASSWORD, FixturePersonKey } from './fixture';
import { sql, TestApp } from './test-app';

/** A signed-in client that can send multipart requests (the shared test client sends JSON only). */
export interface Uploader {
  upload(route: string, file: Buffer | null, options?: unknown, fileName?: string, contentType?: string): Promise<request.Response>;
  get(route: string): request.Test;
}

/** Signs a fixture person in to the in-process test app, for the import routes (multipart `file` and `options`). */
export async function uploader(t: TestApp, key: FixturePersonKey): Promise<Uploader> {
  const signIn = await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people[key].email, password: FIXTURE_PASSWORD });
  if (signIn.status !== 200) throw new Error(`sign-in as ${key} failed: ${signIn.status}`);
  const cookie = ([] as string[])
    .concat(signIn.headers['set-cookie'] ?? [])
    .map((value) => value.split(';')[0])
    .join('; ');
  const csrf = (signIn.body as { csrfToken: string }).csrfToken;
  return {
    upload: (route, file, options, fileName = 'personal.csv', contentType = 'text/csv') => {
      let test = t.http().post(route).set('Cookie', cookie).set(CSRF_HEADER, csrf);
      if (file) test = test.attach('file', file, { filename: fileName, contentType });
      if (options !== undefined) test = test.field('options', typeof options === 'string' ? options : JSON.stringify(options));
      return test;
    },
    get: (route) => t.http().get(route).set('Cookie', cookie),
  };
}

/** Row counts (and content hashes of people and memberships) of everything an import could write. */
export async function tableCounts(t: TestApp): Promise<Record<string, string>> {
  const rows = await sql<Record<string, string>>(
    t,
    `select (select count(*) from person) as person, (select count(*) from unit_membership) as membership,
            (select count(*) from unit) as unit, (select count(*) from import_run) as import_run,
            (select count(*) from audit_log where action = 'import.run') as audit,
            (select count(*) from person where end_date is not null) as ended,
            (select md5(string_agg(p::text, '|' order by p.id)) from person p) as person_hash,
            (select md5(string_agg(m::text, '|' order by m.id)) from unit_membership m) as membership_hash`,
  );
  return rows[0];
}
