import fc from 'fast-check';
import { Client } from 'pg';
import { csvLine } from '@kunna/table-export';
import { createTestDatabase, TestDatabase } from '../../test-support/test-database';

/**
 * `kunna_csv_field` (migration 1763902900000) writes the funders' participant report's fields in PostgreSQL: it must
 * give the field @kunna/table-export writes for the same text, for any text, or the CSV would differ from the XLSX and
 * from every other export (formula injection and quoting included).
 */
describe('kunna_csv_field writes a CSV field as @kunna/table-export does', () => {
  let database: TestDatabase;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  async function fields(values: Array<string | null>): Promise<string[]> {
    const { rows } = await db.query(`select kunna_csv_field(v) as field from unnest($1::text[]) with ordinality u(v, i) order by i`, [values]);
    return rows.map((row: { field: string }) => row.field);
  }
  const libraryField = (value: string | null) => csvLine([value]).slice(0, -2);

  it('for the cases that matter: formulas, quotes, separators, line breaks, empty and missing', async () => {
    const values = ['Åsa Öberg', '=SUM(A1)', '+46 70', '-2', '@x', '\tx', '\rx', 'a"b', 'a;b', 'a\nb', '="x";1', "'x", '', null, 'x=1', 'Anna, Berg'];
    expect(await fields(values)).toEqual(values.map(libraryField));
    expect(await fields(['=SUM(A1)', 'a"b', '=";'])).toEqual(["'=SUM(A1)", '"a""b"', `"'="";"`]);
  });

  it('for any text', async () => {
    const special = fc.constantFrom('"', ';', '\r', '\n', '\t', '=', '+', '-', '@', "'", ',', ' ', 'a', 'Ö', '😀');
    const text = fc.oneof(
      fc.array(special, { maxLength: 8 }).map((parts) => parts.join('')),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map((value) => value.replace(/\0/g, '')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text), { minLength: 1, maxLength: 50 }), async (values) => {
        expect(await fields(values)).toEqual(values.map(libraryField));
      }),
      { numRuns: 60 },
    );
  });
});
