import * as net from 'node:net';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable, isPoolBusy } from '../common/errors';
import { createTestDatabase, TestDatabase } from '../test-support/test-database';
import { dataSourceOptions } from './data-source';
import { CONNECT_TIMEOUT_MS } from './pool';

/**
 * The pool tells "busy" from "down" (pool.ts): a request waits in the queue for a free connection up to the pool's
 * wait, while a connection the database does not answer fails after the connect timeout, however long that wait is.
 */
describe('connection pool: waiting for a connection, and a database that does not answer', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** A pool of one connection, held by a transaction for `holdMs` while another query asks for a connection. */
  async function queuedBehind(holdMs: number, poolWaitMs: number): Promise<{ error: unknown; waitedMs: number }> {
    const dataSource = new DataSource(dataSourceOptions(db.url, { poolSize: 1, poolWaitMs, applicationName: 'kunna-pool-test' }));
    await dataSource.initialize();
    try {
      const holder = dataSource.createQueryRunner();
      await holder.connect();
      const held = holder.query(`select pg_sleep($1::float / 1000)`, [holdMs]).finally(() => holder.release());
      const started = Date.now();
      let error: unknown = null;
      try {
        const rows = await dataSource.query(`select 1 as ok`);
        expect(rows).toEqual([{ ok: 1 }]);
      } catch (caught) {
        error = caught;
      }
      const waitedMs = Date.now() - started;
      await held;
      return { error, waitedMs };
    } finally {
      await dataSource.destroy();
    }
  }

  it('queues a query while every connection is busy, and runs it when one is free', async () => {
    const { error, waitedMs } = await queuedBehind(1500, 10_000);
    expect(error).toBeNull();
    expect(waitedMs).toBeGreaterThanOrEqual(1000);
  });

  it('gives up after the pool wait with an error that says busy, not down', async () => {
    const { error, waitedMs } = await queuedBehind(3000, 500);
    expect(isPoolBusy(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(waitedMs).toBeGreaterThanOrEqual(400);
    expect(waitedMs).toBeLessThan(2500);
  });

  it('fails a connection the server never answers after the connect timeout, not the (longer) pool wait', async () => {
    // Accepts TCP connections and never says a word: a database host that hangs.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const dataSource = new DataSource(dataSourceOptions(`postgres://kunna:x@127.0.0.1:${port}/kunna`, { poolSize: 2, poolWaitMs: 60_000 }));
    const started = Date.now();
    try {
      const error = await dataSource.initialize().then(
        () => null,
        (caught: unknown) => caught,
      );
      const elapsed = Date.now() - started;
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(isPoolBusy(error)).toBe(false);
      expect(elapsed).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 500);
      expect(elapsed).toBeLessThan(CONNECT_TIMEOUT_MS + 5000);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      silent.close();
    }
  }, 30_000);
});
