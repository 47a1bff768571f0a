import 'reflect-metadata';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/app-config';

/**
 * The API as its own operating-system process on a test database (`KUNNA_CHILD_DATABASE_URL`), on a free
 * loopback port it prints as `listening <port>`: lets a test kill it with SIGKILL mid-request
 * (`api/src/app/kill-mid-request.int-spec.ts`, `api/src/imports/kill-mid-import.int-spec.ts`; started by `child-api.ts`),
 * which an in-process app cannot simulate.
 */
async function main(): Promise<void> {
  const url = process.env['KUNNA_CHILD_DATABASE_URL'];
  if (!url) throw new Error('KUNNA_CHILD_DATABASE_URL is required');
  const config = { ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent', KUNNA_JOBS_WORKER: 'false' }), databaseUrl: url };
  const app = await createApp(config, url);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
