import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { Client } from 'pg';
import request from 'supertest';
import { ImportOptions, ImportPreview, ImportProblem, ImportResult, ImportRunSummary } from '@kunna/contracts';
import { FixturePersonKey } from '../test-support/fixture';
import { createTestApp, TestApp, sql } from '../test-support/test-app';
import { tableCounts, Uploader, uploader } from '../test-support/import-client';
import { withoutMessageCodes } from '../test-support/without-message-codes';

const FILES = path.join(__dirname, 'test-files');
const CLEAN = fs.readFileSync(path.join(FILES, 'clean-utf8-comma.csv'));
const MESSY = fs.readFileSync(path.join(FILES, 'messy-windows1252-semicolon.csv'));

/** The clean file's columns, in order (what the preview suggests, checked below). */
const CLEAN_MAPPING: ImportOptions['mapping'] = {
  employeeNumber: 0,
  firstName: 1,
  lastName: 2,
  email: 3,
  roleTitle: 4,
  employmentType: 5,
  startDate: 6,
  endDate: 7,
  gender: 8,
  unitCode: 9,
  unitName: 10,
  areaName: 11,
};
const CLEAN_HEADER = 'Anställningsnummer,Förnamn,Efternamn,E-post,Befattning,Anställningsform,Startdatum,Slutdatum,Kön,Enhetskod,Enhet,Område';

async function day(t: TestApp, offset = 0): Promise<string> {
  return (await sql<{ day: string }>(t, `select (current_date + $1::int)::text as day`, [offset]))[0].day;
}

const brief = (problems: ImportProblem[]) => problems.map((p) => [p.line, p.column, p.columnName, p.code]);

describe('imports API', () => {
  let t: TestApp;
  let hr: Uploader;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await uploader(t, 'hrA');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('preview', () => {
    it('detects UTF-8 with BOM and comma, suggests the mapping, gives samples and the row count', async () => {
      const response = await hr.upload('/api/imports/preview', CLEAN);
      expect(response.status).toBe(200);
      const preview = response.body as ImportPreview;
      expect(preview.encoding).toBe('utf-8');
      expect(preview.delimiter).toBe(',');
      expect(preview.headers.join(',')).toBe(CLEAN_HEADER);
      expect(preview.suggestedMapping).toEqual(CLEAN_MAPPING);
      expect(preview.rowCount).toBe(8);
      expect(preview.sampleRows).toHaveLength(5);
      expect(preview.sampleRows[0]).toEqual([
        '2001',
        'Åsa',
        'Öberg',
        'asa.oberg@kommun-a.example',
        'Undersköterska',
        'Tillsvidare',
        '2019-03-01',
        '',
        'Kvinna',
        'U1',
        'Enhet U1',
        'Område A1',
      ]);
      expect(preview.sampleRows[2][4]).toBe('Undersköterska, natt');
    });

    it('detects Windows-1252 and semicolon, decodes å ä ö, keeps a quoted semicolon inside its field', async () => {
      expect(MESSY.includes(Buffer.from('Förnamn', 'utf8'))).toBe(false); // really not UTF-8
      const response = await hr.upload('/api/imports/preview', MESSY, undefined, 'Personal Växjö.csv', 'application/vnd.ms-excel');
      expect(response.status).toBe(200);
      const preview = response.body as ImportPreview;
      expect(preview.encoding).toBe('windows-1252');
      expect(preview.delimiter).toBe(';');
      expect(preview.headers.slice(0, 3)).toEqual(['Anst.nr', 'Förnamn', 'Efternamn']);
      expect(preview.suggestedMapping.employeeNumber).toBe(0);
      expect(preview.suggestedMapping.areaName).toBe(11);
      expect(preview.rowCount).toBe(13);
      expect(preview.sampleRows[0].slice(1, 3)).toEqual(['Göran', 'Ström']);
      expect(preview.sampleRows[1][4]).toBe('Vårdbiträde; natt');
    });
  });

  describe('dry run', () => {
    it('names the line, column and header of every problem in the messy file, and writes nothing', async () => {
      const before = await tableCounts(t);
      const response = await hr.upload('/api/imports/dry-run', MESSY, { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(response.status).toBe(200);
      const result = response.body as ImportResult;
      expect(result.dryRun).toBe(true);
      expect(result.ok).toBe(false);
      // Positions counted by hand in the file (see test-files/generate.mjs); line 12 holds a quoted field
      // that goes on to line 13, so the row after it is on line 14.
      expect(brief(result.problems)).toEqual([
        [4, 80, 'Startdatum', 'invalid_date'],
        [5, 1, 'Anst.nr', 'duplicate_employee_number'],
        [6, 75, 'Enhetskod', 'unknown_unit'],
        [7, 19, 'E-post', 'invalid_email'],
        [7, 39, 'Anställningsform', 'unknown_employment_type'],
        [8, 81, 'Slutdatum', 'end_before_start'],
        [9, 19, 'E-post', 'email_taken'],
        [10, 11, 'Efternamn', 'missing_required'],
        [11, 15, null, 'too_few_columns'],
        [12, 47, 'Befattning', 'invalid_characters'],
        [14, 106, null, 'too_many_columns'],
      ]);
      const messages = result.problems.map((p) => p.message);
      expect(messages[0]).toBe('"5/1/2024" är inte ett giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2024-01-05.');
      expect(messages[1]).toContain('finns redan på rad 2');
      expect(messages[2]).toBe('Enhetskoden "U4" finns inte i organisationen. Kontrollera koden, eller välj att nya enheter får skapas.');
      expect(messages[6]).toContain(t.fixture.people.staffU2.employeeNumber);
      // Every problem names its message's code and values, for the web app to translate.
      expect(result.problems.every((problem) => typeof problem.messageCode === 'string')).toBe(true);
      expect(result.problems[0]).toMatchObject({ messageCode: 'imports.notValidDateWriteDatesYyyy', messageParams: { text: '"5/1/2024"' } });
      expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 });
      expect(await tableCounts(t)).toEqual(before);
    });

    it('predicts the counts of a clean import exactly', async () => {
      const response = await hr.upload('/api/imports/dry-run', CLEAN, { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        dryRun: true,
        ok: true,
        problems: [],
        counts: { created: 6, updated: 1, unchanged: 1, ended: 0, unitsCreated: 0 },
      });
    });
  });

  describe('import', () => {
    it('is atomic: a clean file with one bad line is refused with 422 and nothing is written', async () => {
      const before = await tableCounts(t);
      const file = Buffer.concat([
        CLEAN,
        Buffer.from('2007,Gun,Ek,gun.ek@kommun-a.example,Undersköterska,Tillsvidare,2024-13-01,,Kvinna,U1,Enhet U1,Område A1\n'),
      ]);
      const response = await hr.upload('/api/imports', file, { mapping: CLEAN_MAPPING, mode: 'full' });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        statusCode: 422,
        dryRun: false,
        ok: false,
        counts: { created: 0, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 },
      });
      expect(brief(response.body.problems)).toEqual([[10, 64, 'Startdatum', 'invalid_date']]);
      expect(withoutMessageCodes(response.body.details)).toEqual([{ field: 'Startdatum', message: response.body.problems[0].message, line: 10, column: 64 }]);
      expect(response.body.message).toContain('Ingenting har ändrats');
      expect(await tableCounts(t)).toEqual(before);
    });

    it('imports the clean file with exact counts, moves a person keeping the history, records the run and an audit entry', async () => {
      const today = await day(t);
      const yesterday = await day(t, -1);
      const response = await hr.upload('/api/imports', CLEAN, { mapping: CLEAN_MAPPING, mode: 'partial' }, 'Personal Ösby.csv');
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        dryRun: false,
        ok: true,
        problems: [],
        counts: { created: 6, updated: 1, unchanged: 1, ended: 0, unitsCreated: 0 },
      });

      const [asa] = await sql(
        t,
        `select p.first_name, p.last_name, p.email, p.role_title, p.employment_type, p.start_date::text as start_date, p.end_date,
                p.gender, p.preferred_language, p.organisation_id, u.code, m.start_date::text as member_from, m.end_date as member_to
           from person p join unit_membership m on m.person_id = p.id join unit u on u.id = m.unit_id
          where p.employee_number = '2001'`,
      );
      expect(asa).toEqual({
        first_name: 'Åsa',
        last_name: 'Öberg',
        email: 'asa.oberg@kommun-a.example',
        role_title: 'undersköterska',
        employment_type: 'permanent',
        start_date: '2019-03-01',
        end_date: null,
        gender: 'female',
        preferred_language: 'sv',
        organisation_id: t.fixture.orgA,
        code: 'U1',
        member_from: '2019-03-01',
        member_to: null,
      });
      const types = await sql<{ employee_number: string; employment_type: string; role_title: string }>(
        t,
        `select employee_number, employment_type, role_title from person where employee_number in ('2002', '2003', '2006') order by 1`,
      );
      expect(types).toEqual([
        { employee_number: '2002', employment_type: 'substitute', role_title: 'vårdbiträde' },
        { employee_number: '2003', employment_type: 'hourly', role_title: 'Undersköterska, natt' },
        { employee_number: '2006', employment_type: 'hourly', role_title: 'undersköterska' },
      ]);

      // staffU2 moved from U2 to U3: the U2 membership ended yesterday, a U3 one starts today.
      const history = await sql(
        t,
        `select u.code, m.start_date::text as start_date, m.end_date::text as end_date
           from unit_membership m join unit u on u.id = m.unit_id where m.person_id = $1 order by m.start_date`,
        [t.fixture.people.staffU2.id],
      );
      expect(history).toEqual([
        { code: 'U2', start_date: '2024-01-01', end_date: yesterday },
        { code: 'U3', start_date: today, end_date: null },
      ]);

      const runs = await sql(t, `select file_name, file_sha256, mode, counts, created_by from import_run`);
      expect(runs).toEqual([
        {
          file_name: 'Personal Ösby.csv',
          file_sha256: createHash('sha256').update(CLEAN).digest('hex'),
          mode: 'partial',
          counts: { created: 6, updated: 1, unchanged: 1, ended: 0, unitsCreated: 0 },
          created_by: t.fixture.people.hrA.id,
        },
      ]);
      const audit = await sql(t, `select organisation_id, actor_person_id, target_type, details from audit_log where action = 'import.run'`);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        organisation_id: t.fixture.orgA,
        actor_person_id: t.fixture.people.hrA.id,
        target_type: 'import_run',
        details: { fileName: 'Personal Ösby.csv', mode: 'partial', importDate: today, counts: { created: 6 } },
      });
    });

    it('is idempotent: the same file again changes nothing and reports every row unchanged', async () => {
      const before = await tableCounts(t);
      const dryRun = await hr.upload('/api/imports/dry-run', CLEAN, { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(dryRun.body.counts).toEqual({ created: 0, updated: 0, unchanged: 8, ended: 0, unitsCreated: 0 });
      const response = await hr.upload('/api/imports', CLEAN, { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(response.status).toBe(201);
      expect(response.body.counts).toEqual({ created: 0, updated: 0, unchanged: 8, ended: 0, unitsCreated: 0 });
      const after = await tableCounts(t);
      // People and memberships byte for byte the same; only the run and its audit entry are new.
      expect(after).toEqual({ ...before, import_run: String(Number(before.import_run) + 1), audit: String(Number(before.audit) + 1) });
    });

    it('updates changed fields only where the file has a value, and lets two people swap e-mail addresses', async () => {
      const file = Buffer.from(
        [
          CLEAN_HEADER,
          '2001,Åsa,Öberg-Lind,fatima.hassan@kommun-a.example,Undersköterska,Vikarie,2019-03-01,,,U1,Enhet U1,Område A1',
          '2006,Fatima,Hassan,asa.oberg@kommun-a.example,Undersköterska,Timavlönad,2025-01-13,,Kvinna,U3,Enhet U3,Område A2',
        ].join('\r\n'),
      );
      const response = await hr.upload('/api/imports', file, { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(response.status).toBe(201);
      expect(response.body.counts).toEqual({ created: 0, updated: 2, unchanged: 0, ended: 0, unitsCreated: 0 });
      const rows = await sql(
        t,
        `select employee_number, last_name, email, employment_type, gender from person where employee_number in ('2001', '2006') order by 1`,
      );
      expect(rows).toEqual([
        // The empty gender cell kept the stored value.
        { employee_number: '2001', last_name: 'Öberg-Lind', email: 'fatima.hassan@kommun-a.example', employment_type: 'substitute', gender: 'female' },
        { employee_number: '2006', last_name: 'Hassan', email: 'asa.oberg@kommun-a.example', employment_type: 'hourly', gender: 'female' },
      ]);
    });

    it('a retried request running at the same time doubles nothing: it waits for the first, then finds it done', async () => {
      const file = Buffer.from([CLEAN_HEADER, '4001,Ines,Retry,,Undersköterska,Tillsvidare,2024-01-01,,,U2,,', '4002,Jon,Retry,,,,,,,U2,,'].join('\n'));
      const before = await tableCounts(t);
      // Hold organisation A's import lock so that both requests are surely in flight at the same time.
      const holder = new Client({ connectionString: t.db.url });
      await holder.connect();
      let finished = 0;
      let first: Promise<request.Response>;
      let second: Promise<request.Response>;
      try {
        await holder.query('begin');
        await holder.query(`select pg_advisory_xact_lock(hashtextextended('kunna.import:' || $1::text, 0))`, [t.fixture.orgA]);
        const send = () => hr.upload('/api/imports', file, { mapping: CLEAN_MAPPING, mode: 'partial' }).then((response) => (finished++, response));
        first = send();
        second = send();
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(finished).toBe(0); // both wait for the lock
      } finally {
        await holder.query('commit');
        await holder.end();
      }
      const responses = await Promise.all([first, second]);
      expect(responses.map((response) => response.status)).toEqual([201, 201]);
      const counts = responses.map((response) => response.body.counts).sort((a, b) => b.created - a.created);
      expect(counts).toEqual([
        { created: 2, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 },
        { created: 0, updated: 0, unchanged: 2, ended: 0, unitsCreated: 0 },
      ]);
      const after = await tableCounts(t);
      expect(Number(after.person)).toBe(Number(before.person) + 2);
      expect(Number(after.membership)).toBe(Number(before.membership) + 2);
    });

    it('lists the history newest first with counts and who ran it', async () => {
      const response = await hr.get('/api/imports');
      expect(response.status).toBe(200);
      const runs = response.body as ImportRunSummary[];
      expect(runs).toHaveLength(5);
      expect(runs[runs.length - 1]).toMatchObject({
        fileName: 'Personal Ösby.csv',
        mode: 'partial',
        counts: { created: 6, updated: 1, unchanged: 1, ended: 0, unitsCreated: 0 },
        createdBy: 'hrA Testsson',
      });
      const times = runs.map((run) => run.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    });
  });

  describe('units of another organisation', () => {
    const u4Row = (area: string) => Buffer.from([CLEAN_HEADER, `5001,Olle,Gren,,,,,,,U4,Enhet U4,${area}`].join('\n'));

    it("treats organisation B's unit code as unknown, and its area as unknown when creating units", async () => {
      const before = await tableCounts(t);
      const unknown = await hr.upload('/api/imports', u4Row('Område A1'), { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(unknown.status).toBe(422);
      expect(brief(unknown.body.problems)).toEqual([[2, 22, 'Enhetskod', 'unknown_unit']]);
      const otherArea = await hr.upload('/api/imports', u4Row('Område B1'), { mapping: CLEAN_MAPPING, mode: 'partial', createUnits: true });
      expect(otherArea.status).toBe(422);
      expect(brief(otherArea.body.problems)).toEqual([[2, 34, 'Område', 'unknown_area']]);
      expect(await tableCounts(t)).toEqual(before);
    });

    it("with createUnits, makes organisation A its own unit U4 and leaves organisation B's alone", async () => {
      const orgBBefore = await sql(
        t,
        `select u.id, u.name, u.area_id, (select count(*) from unit_membership m where m.unit_id = u.id) as members from unit u where u.organisation_id = $1`,
        [t.fixture.orgB],
      );
      const response = await hr.upload('/api/imports', u4Row('område a1'), { mapping: CLEAN_MAPPING, mode: 'partial', createUnits: true });
      expect(response.status).toBe(201);
      expect(response.body.counts).toEqual({ created: 1, updated: 0, unchanged: 0, ended: 0, unitsCreated: 1 });
      const units = await sql(t, `select organisation_id, area_id, name from unit where code = 'U4' order by organisation_id = $1`, [t.fixture.orgB]);
      expect(units).toEqual([
        { organisation_id: t.fixture.orgA, area_id: t.fixture.areaA1, name: 'Enhet U4' },
        { organisation_id: t.fixture.orgB, area_id: t.fixture.areaB1, name: 'Enhet U4' },
      ]);
      const olle = await sql(
        t,
        `select u.organisation_id from person p join unit_membership m on m.person_id = p.id join unit u on u.id = m.unit_id where p.employee_number = '5001'`,
      );
      expect(olle).toEqual([{ organisation_id: t.fixture.orgA }]);
      const orgBAfter = await sql(
        t,
        `select u.id, u.name, u.area_id, (select count(*) from unit_membership m where m.unit_id = u.id) as members from unit u where u.organisation_id = $1`,
        [t.fixture.orgB],
      );
      expect(orgBAfter).toEqual(orgBBefore);
    });

    it('an administrator of organisation B imports into B only: the same employee number is another person there', async () => {
      const admin = await uploader(t, 'adminB');
      const t101 = t.fixture.people.staffU1.employeeNumber;
      const orgABefore = await sql(t, `select p::text from person p where organisation_id = $1 order by id`, [t.fixture.orgA]);
      const file = Buffer.from([CLEAN_HEADER, `${t101},Annan,Person,,,,,,,U4,,`].join('\n'));
      const response = await admin.upload('/api/imports', file, { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(response.status).toBe(201);
      expect(response.body.counts).toEqual({ created: 1, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 });
      expect(await sql(t, `select p::text from person p where organisation_id = $1 order by id`, [t.fixture.orgA])).toEqual(orgABefore);
      const inB = await sql(t, `select first_name from person where organisation_id = $1 and employee_number = $2`, [t.fixture.orgB, t101]);
      expect(inB).toEqual([{ first_name: 'Annan' }]);
      // Each organisation sees its own history only.
      expect((await admin.get('/api/imports')).body).toHaveLength(1);
      expect((await hr.get('/api/imports')).body).toHaveLength(6);
    });
  });

  describe('refused requests', () => {
    it('only HR and administrators may import', async () => {
      for (const key of ['staffU1', 'managerU1', 'areaManagerA1', 'coordinator'] as FixturePersonKey[]) {
        const client = await uploader(t, key);
        expect((await client.upload('/api/imports/preview', CLEAN)).status).toBe(403);
        expect((await client.upload('/api/imports', CLEAN, { mapping: CLEAN_MAPPING, mode: 'full' })).status).toBe(403);
        expect((await client.get('/api/imports')).status).toBe(403);
      }
      const admin = await uploader(t, 'adminA');
      expect((await admin.upload('/api/imports/preview', CLEAN)).status).toBe(200);
      expect((await t.http().post('/api/imports/preview').attach('file', CLEAN, 'a.csv')).status).toBe(401);
    });

    it('answers a missing, wrong-typed, binary or too large file with 400/413 naming the field', async () => {
      const noFile = await hr.upload('/api/imports/dry-run', null, { mapping: CLEAN_MAPPING, mode: 'partial' });
      expect(noFile.status).toBe(400);
      expect(withoutMessageCodes(noFile.body.details)).toEqual([{ field: 'file', message: 'Välj en CSV-fil att ladda upp (fältet file).' }]);

      const png = await hr.upload('/api/imports/preview', Buffer.from([0x89, 0x50, 0x4e, 0x47]), undefined, 'bild.png', 'image/png');
      expect(png.status).toBe(400);
      expect(png.body.details[0].field).toBe('file');
      expect(png.body.message).toContain('CSV');

      const xlsx = await hr.upload(
        '/api/imports/preview',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
        undefined,
        'personal.csv',
        'application/vnd.ms-excel',
      );
      expect(xlsx.status).toBe(400);
      expect(xlsx.body.message).toContain('kalkylark');

      const binary = await hr.upload('/api/imports/preview', Buffer.from([0x41, 0x00, 0x42, 0x00]), undefined, 'personal.csv');
      expect(binary.status).toBe(400);
      expect(binary.body.message).toContain('inte en textfil');

      const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
      const tooLarge = await hr.upload('/api/imports/preview', big);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.message).toBe('Filen är för stor. Största tillåtna storlek är 5 MB.');
    });

    it('answers bad options with 400 naming each field', async () => {
      const cases: Array<[unknown, Array<{ field: string }>]> = [
        [undefined, [{ field: 'options' }]],
        ['{not json', [{ field: 'options' }]],
        [{ mapping: CLEAN_MAPPING }, [{ field: 'options.mode' }]],
        [{ mapping: { ...CLEAN_MAPPING, shoeSize: 3 }, mode: 'partial' }, [{ field: 'options.mapping.shoeSize' }]],
        [{ mapping: { ...CLEAN_MAPPING, email: -1 }, mode: 'partial' }, [{ field: 'options.mapping.email' }]],
        [{ mapping: CLEAN_MAPPING, mode: 'partial', extra: true }, [{ field: 'options.extra' }]],
        [{ mapping: { employeeNumber: 0, firstName: 1, lastName: 2 }, mode: 'partial' }, [{ field: 'options.mapping.unitCode' }]],
        [{ mapping: { ...CLEAN_MAPPING, email: 12 }, mode: 'partial' }, [{ field: 'options.mapping.email' }]],
        [{ mapping: { ...CLEAN_MAPPING, email: 0 }, mode: 'partial' }, [{ field: 'options.mapping.email' }]],
      ];
      for (const [options, fields] of cases) {
        const response = await hr.upload('/api/imports/dry-run', CLEAN, options);
        expect(response.status).toBe(400);
        expect(response.body.details.map((detail: { field: string }) => ({ field: detail.field }))).toEqual(fields);
        for (const detail of response.body.details) expect(detail.message).not.toMatch(/should|must|property/);
      }
    });
  });
});

describe('full import', () => {
  let t: TestApp;
  let hr: Uploader;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await uploader(t, 'hrA');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ends (never deletes) the people of the organisation missing from the file, except the caller, and only once', async () => {
    const today = await day(t);
    const peopleBefore = await sql<{ n: number }>(t, `select count(*)::int as n from person`);
    const response = await hr.upload('/api/imports', CLEAN, { mapping: CLEAN_MAPPING, mode: 'full' });
    expect(response.status).toBe(201);
    // Organisation A has ten fixture people: staffU1 and staffU2 are in the file, hrA runs the import,
    // the other seven are ended.
    expect(response.body.counts).toEqual({ created: 6, updated: 1, unchanged: 1, ended: 7, unitsCreated: 0 });

    const ended = await sql<{ first_name: string }>(
      t,
      `select first_name from person where organisation_id = $1 and end_date = $2::date order by first_name collate "C"`,
      [t.fixture.orgA, today],
    );
    expect(ended.map((row) => row.first_name)).toEqual(['adminA', 'ambassadorU1', 'areaManagerA1', 'coordinator', 'managerU1', 'managerU2', 'staffU3']);
    expect(await sql(t, `select count(*)::int as n from person`)).toEqual([{ n: peopleBefore[0].n + 6 }]);
    // Their memberships end today and stay as history.
    const managerU1 = await sql(t, `select start_date::text as start_date, end_date::text as end_date from unit_membership where person_id = $1`, [
      t.fixture.people.managerU1.id,
    ]);
    expect(managerU1).toEqual([{ start_date: '2024-01-01', end_date: today }]);
    // The caller and organisation B are untouched.
    expect(await sql(t, `select end_date from person where id = $1`, [t.fixture.people.hrA.id])).toEqual([{ end_date: null }]);
    expect(await sql(t, `select count(*)::int as n from person where organisation_id = $1 and end_date is not null`, [t.fixture.orgB])).toEqual([{ n: 0 }]);

    const again = await hr.upload('/api/imports', CLEAN, { mapping: CLEAN_MAPPING, mode: 'full' });
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 8, ended: 0, unitsCreated: 0 });
  });

  it('brings back a person ended today who is in the file again with an empty end date: the membership just continues', async () => {
    const managerU1 = t.fixture.people.managerU1;
    const file = Buffer.from([CLEAN_HEADER, `${managerU1.employeeNumber},managerU1,Testsson,${managerU1.email},,,,,,U1,,`].join('\n'));
    const response = await hr.upload('/api/imports', file, { mapping: CLEAN_MAPPING, mode: 'partial' });
    expect(response.body.counts).toEqual({ created: 0, updated: 1, unchanged: 0, ended: 0, unitsCreated: 0 });
    expect(await sql(t, `select end_date from person where id = $1`, [managerU1.id])).toEqual([{ end_date: null }]);
    // Ended and brought back on the same day: the membership in U1 (still current today) simply goes on.
    const memberships = await sql(
      t,
      `select start_date::text as start_date, end_date::text as end_date from unit_membership where person_id = $1 order by start_date`,
      [managerU1.id],
    );
    expect(memberships).toEqual([{ start_date: '2024-01-01', end_date: null }]);
  });

  it('refuses a full import of a file without people', async () => {
    const response = await hr.upload('/api/imports', Buffer.from(`${CLEAN_HEADER}\n`), { mapping: CLEAN_MAPPING, mode: 'full' });
    expect(response.status).toBe(422);
    expect(brief(response.body.problems)).toEqual([[1, null, null, 'no_rows']]);
  });

  it('reads a Windows-1252 file into correct Swedish letters', async () => {
    const text = ['Anst.nr;Förnamn;Efternamn;Enhetskod', '6001;Åsa-Märta;Öhrström;U2'].join('\r\n');
    const response = await hr.upload('/api/imports', iconv.encode(text, 'windows-1252'), {
      mapping: { employeeNumber: 0, firstName: 1, lastName: 2, unitCode: 3 },
      mode: 'partial',
    });
    expect(response.status).toBe(201);
    expect(
      await sql(
        t,
        `select first_name, last_name, role_title, employment_type, start_date::text = current_date::text as today from person where employee_number = '6001'`,
      ),
    ).toEqual([{ first_name: 'Åsa-Märta', last_name: 'Öhrström', role_title: 'annan', employment_type: 'permanent', today: true }]);
  });
});
