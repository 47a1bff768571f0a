import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PROJECT_ROOT, loadConfig } from '../config/app-config';
import { migrate } from '../database/data-source';
import { ensureDatabase } from '../database/database-urls';
import { DEMO_PASSWORD, loadDemoDataIfEmpty } from '../demo';
import { createApp } from './create-app';
import { freePort } from './database-url';

/**
 * The database restarts under a running API: requests during the outage fail fast with 503 (never a
 * hang or a 500), and afterwards the same process answers again without being restarted. Runs its own
 * PostgreSQL (embedded, in a folder of its own, driven by scripts/embedded-postgres-server.mjs) so
 * stopping it disturbs nobody else.
 */
describe('database restart under a running API', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kunna-restart-'));
  const dataDir = path.join(folder, 'pg');
  let server: ChildProcessWithoutNullStreams;
  let app: INestApplication;
  let cookie = '';

  /** Sends a command to the server process and waits for its answer line. */
  const command = (line: string | null, answer: string) =>
    new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        if (chunk.toString().split('\n').includes(answer)) {
          server.stdout.off('data', onData);
          resolve();
        }
      };
      server.stdout.on('data', onData);
      server.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code})`)));
      if (line) server.stdin.write(`${line}\n`);
    });

  beforeAll(async () => {
    const port = await freePort();
    server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts/embedded-postgres-server.mjs'), dataDir, String(port)]);
    await command(null, 'ready');
    const url = await ensureDatabase(`postgres://postgres:kunna-local@127.0.0.1:${port}/postgres`, 'kunna');
    await migrate(url);
    await loadDemoDataIfEmpty(url);
    app = await createApp({ ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent' }), databaseUrl: url }, url);
    const signedIn = await request(app.getHttpServer()).post('/api/auth/sign-in').send({ identifier: 'admin@alvstad.example', password: DEMO_PASSWORD });
    expect(signedIn.status).toBe(200);
    cookie = ([] as string[])
      .concat(signedIn.headers['set-cookie'] ?? [])
      .map((value) => value.split(';')[0])
      .join('; ');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.stdin.end();
      await exited;
    }
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const me = () => request(app.getHttpServer()).get('/api/auth/me').set('Cookie', cookie);

  it('answers 503 while the database is down and recovers by itself when it is back', async () => {
    expect((await me()).status).toBe(200);

    await command('stop', 'stopped');
    for (const call of [me, () => request(app.getHttpServer()).get('/api/health')]) {
      const started = Date.now();
      const response = await call();
      expect(response.status).toBe(503);
      expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|at .*\.ts/);
      // Fails fast: the connect timeout (5 s, database/pool.ts; refused connections fail at once) bounds it, not the
      // longer wait for a free pool connection.
      expect(Date.now() - started).toBeLessThan(10_000);
    }

    await command('start', 'ready');
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await me()).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    expect((await me()).body.organisationName).toBe('Älvstads kommun');
  }, 180_000);
});
