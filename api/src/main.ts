import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app/create-app';
import { resolveDatabase } from './app/database-url';
import { describeStartupFailure } from './app/startup-error';
import { loadConfig } from './config/app-config';
import { migrate } from './database/data-source';
import { loadDemoDataIfEmpty } from './demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('kunna');
  const database = await resolveDatabase(config);
  const applied = await migrate(database.url);
  if (applied.length > 0) logger.log(`Migrations applied: ${applied.join(', ')}`);
  const demo = config.loadDemoData ? await loadDemoDataIfEmpty(database.url) : null;

  const app = await createApp(config, database.url);
  await app.listen(config.port, '0.0.0.0');

  const lines = [
    '',
    `  Kunna körs på ${config.publicUrl}`,
    `  API: ${config.publicUrl}/api   OpenAPI: ${config.publicUrl}/api/docs${config.production && !config.apiDocs ? ' (för inloggade administratörer)' : ''}`,
    database.embedded ? `  Databas: inbyggd PostgreSQL i ${config.dataDir}` : '  Databas: DATABASE_URL',
  ];
  if (demo) {
    lines.push('', '  Demoinloggningar (lösenord för alla: ' + demo.password + '):');
    for (const account of demo.accounts) lines.push(`    ${account.role.padEnd(22)} ${account.identifier}  (${account.description})`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = async () => {
    await app.close();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupFailure(error)}\n`);
  process.exit(1);
});
