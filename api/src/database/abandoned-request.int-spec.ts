import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../test-support/test-database';
import { dataSourceOptions } from './data-source';
import { Db, RequestTransaction } from './db';
import { RequestAbandonedError, RequestContext, requestContext } from './request-context';

/**
 * When the client goes away, the access guard rolls the request's transaction back while the handler may still be
 * running. Whatever the handler does next must not reach the database outside that transaction: it would run without
 * the tenant (row-level security refuses it, logged as a server error) or, on a table without a policy, commit half a
 * request on its own.
 */
describe('a request whose client went away', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 2, applicationName: 'kunna-abandoned-test' }) });
    await dataSource.initialize();
    await dataSource.query('create table abandoned_probe (step int not null)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('commits nothing, and every later query of the request is refused instead of running outside its transaction', async () => {
    const access = new Db(dataSource);
    const store: RequestContext = { requestId: 'abandoned', ip: null };
    await requestContext.run(store, async () => {
      const transaction = await RequestTransaction.open(dataSource, store);
      await access.manager.query('insert into abandoned_probe (step) values (1)');

      await transaction.abandon(store);

      expect(() => access.manager).toThrow(RequestAbandonedError);
      await expect(access.transaction((manager) => manager.query('insert into abandoned_probe (step) values (2)'))).rejects.toThrow(RequestAbandonedError);
    });
    expect(await dataSource.query('select step from abandoned_probe')).toEqual([]);
  });

  it('an answered request is not abandoned by its client closing the connection afterwards', async () => {
    const access = new Db(dataSource);
    const store: RequestContext = { requestId: 'answered', ip: null };
    await requestContext.run(store, async () => {
      const transaction = await RequestTransaction.open(dataSource, store);
      await access.manager.query('insert into abandoned_probe (step) values (3)');
      await transaction.commit(store);
      await transaction.abandon(store);
      expect(store.abandoned).toBeUndefined();
      // Work after the answer (a job enqueued, say) still opens a transaction of its own.
      await access.transaction((manager) => manager.query('insert into abandoned_probe (step) values (4)'));
    });
    expect(await dataSource.query('select step from abandoned_probe order by step')).toEqual([{ step: 3 }, { step: 4 }]);
  });
});
