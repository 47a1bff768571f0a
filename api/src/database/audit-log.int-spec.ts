import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../test-support/test-database';

/** The audit log is append-only in the database itself, whatever the application does. */
describe('audit_log is append-only', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  async function insertEntry(action: string): Promise<string> {
    const result = await client.query(`insert into audit_log (action, details) values ($1, '{"why": "test"}') returning id`, [action]);
    return String((result.rows[0] as { id: string }).id);
  }

  const count = async (id: string) => Number((await client.query(`select count(*)::int as n from audit_log where id = $1`, [id])).rows[0].n);

  it('accepts new entries', async () => {
    const id = await insertEntry('test.append');
    expect(await count(id)).toBe(1);
  });

  it('refuses to change an entry', async () => {
    const id = await insertEntry('test.update');
    await expect(client.query(`update audit_log set action = 'tampered' where id = $1`, [id])).rejects.toThrow('audit_log is append-only');
    await expect(client.query(`update audit_log set details = '{}'`)).rejects.toThrow('audit_log is append-only');
    const row = await client.query(`select action from audit_log where id = $1`, [id]);
    expect(row.rows[0].action).toBe('test.update');
  });

  it('refuses to delete an entry', async () => {
    const id = await insertEntry('test.delete');
    await expect(client.query(`delete from audit_log where id = $1`, [id])).rejects.toThrow('audit_log is append-only');
    await expect(client.query(`delete from audit_log`)).rejects.toThrow('audit_log is append-only');
    expect(await count(id)).toBe(1);
  });

  it('refuses to be truncated, also as a cascade from a table it refers to', async () => {
    const id = await insertEntry('test.truncate');
    await expect(client.query(`truncate audit_log`)).rejects.toThrow('audit_log is append-only');
    await expect(client.query(`truncate audit_log restart identity`)).rejects.toThrow('audit_log is append-only');
    await expect(client.query(`truncate organisation cascade`)).rejects.toThrow('audit_log is append-only');
    expect(await count(id)).toBe(1);
  });

  it('cannot take its id from the caller (generated always)', async () => {
    await expect(client.query(`insert into audit_log (id, action) values (999999, 'forged')`)).rejects.toThrow(/generated always|cannot insert/i);
  });

  it('lets retention delete, and only delete, inside a transaction that says so', async () => {
    const id = await insertEntry('test.retention');
    await client.query('begin');
    try {
      await client.query(`select set_config('kunna.audit_retention', 'on', true)`);
      await expect(client.query(`update audit_log set action = 'x' where id = $1`, [id])).rejects.toThrow('audit_log is append-only');
    } finally {
      await client.query('rollback');
    }
    await client.query('begin');
    await client.query(`select set_config('kunna.audit_retention', 'on', true)`);
    await client.query(`delete from audit_log where id = $1`, [id]);
    await client.query('commit');
    expect(await count(id)).toBe(0);

    // The permission ended with that transaction.
    const next = await insertEntry('test.after-retention');
    await expect(client.query(`delete from audit_log where id = $1`, [next])).rejects.toThrow('audit_log is append-only');
  });
});
