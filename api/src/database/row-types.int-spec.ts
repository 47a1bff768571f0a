import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import type { Program } from 'typescript';
import { createTestDatabase } from '../test-support/test-database';
import type { TestDatabase } from '../test-support/test-database';
import { checkRowTypes } from './row-types/check-row-types';
import { createProgram, findQueries } from './row-types/find-queries';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE = path.join(ROOT, 'api/src');
const FIXTURE = path.join(__dirname, 'row-types/__fixtures__/wrong-row-types.repository.ts');

/** Every repository file of the API (the fixture's folder left out). */
function repositoryFiles(): string[] {
  return readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.repository.ts') && !file.includes('__fixtures__'))
    .map((file) => path.join(SOURCE, file))
    .sort();
}

/**
 * The migrations are the one description of the schema; the row types that repositories declare for their SQL are
 * checked against it here. Each query's SQL is read from the source (row-types/find-queries.ts) and described by the
 * migrated test database without running it (row-types/describe.ts): its columns must be the row type's properties,
 * with values of the kinds the properties declare (see row-types/check-row-types.ts).
 */
describe('row types of the repositories’ queries', () => {
  let db: TestDatabase;
  let client: Client;
  let program: Program;
  const files = repositoryFiles();

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    program = createProgram(ROOT, [...files, FIXTURE]);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('name the columns each statement returns, with values of the kinds node-pg gives', async () => {
    const report = await checkRowTypes(findQueries(program, files, ROOT), client);
    console.log(
      [
        `Row types: checked ${report.checked} of ${report.total} queries with a declared result` +
          ` (${report.skipped.length} skipped, ${report.untyped.length} used untyped).`,
        ...report.skipped.map((line) => `  skipped ${line}`),
        ...report.untyped.map((line) => `  untyped ${line}`),
      ].join('\n'),
    );
    expect(report.mismatches).toEqual([]);
    // What cannot be read from the source stays the exception.
    expect(report.checked).toBeGreaterThanOrEqual(report.total - 5);
  });

  it('catches a wrong row type (the deliberately wrong fixture)', async () => {
    const report = await checkRowTypes(findQueries(program, [FIXTURE], ROOT), client);
    const at = (method: string) => `api/src/database/row-types/__fixtures__/wrong-row-types.repository.ts:${lineOf(method)}`;
    expect(report.mismatches).toEqual([
      `${at('units')}: missing column title; extra column name`,
      `${at('unitCount')}: n is bigint, which node-pg gives as string, but it is typed number`,
      `${at('deleteUnit')}: TypeORM returns [rows, affected count] for DELETE, but the result is typed { id: string; }[]`,
    ]);
    expect(report.skipped).toEqual([`${at('unitsBy')}: the SQL depends on run-time values (\`column\` (string) is known only at run time)`]);
    expect(report).toMatchObject({ total: 4, checked: 3 });
  });

  /** The line of the fixture's query call in `method`. */
  function lineOf(method: string): number {
    const source = program.getSourceFile(FIXTURE)?.text ?? '';
    const lines = source.split('\n');
    const start = lines.findIndex((line) => line.trimStart().startsWith(`async ${method}(`));
    return start + 1 + lines.slice(start).findIndex((line) => line.includes('.query('));
  }
});
