// The floor, run by bench.mjs in its own process: `node bench/floor.mjs <config.json>`. Replays each read
// endpoint's captured SQL (every query one request ran, in order, transaction and tenant settings included) as the
// API's own database role, `amount` times over `connections` concurrent clients, and prints one JSON line per
// endpoint with the same statistics as the load run.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { summarise } from './stats.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
// The session touch runs at most once per 15 s per session in the API; replayed every time from concurrent clients
// on one session row it would only measure lock waits, so the floor leaves it out.
const isSessionTouch = (query) => /^\s*update auth_session set last_seen_at/i.test(query);
for (const endpoint of config.endpoints) endpoint.queries = endpoint.queries.filter(({ query }) => !isSessionTouch(query));
const pool = new pg.Pool({ connectionString: config.appUrl, max: config.connections });

async function replay(queries) {
  const client = await pool.connect();
  try {
    for (const { query, parameters } of queries) await client.query(query, parameters);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function run(queries, amount) {
  const latencies = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < amount) {
      next++;
      const start = performance.now();
      try {
        await replay(queries);
        latencies.push(performance.now() - start);
      } catch (error) {
        if (errors++ === 0) process.stderr.write(`floor: ${error.message}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: config.connections }, worker));
  return summarise(latencies, performance.now() - started, errors);
}

for (const endpoint of config.endpoints) {
  await run(endpoint.queries, Math.max(config.connections * 2, Math.round(config.amount / 10)));
  const result = await run(endpoint.queries, config.amount);
  process.stdout.write(`${JSON.stringify({ endpoint: endpoint.name, queries: endpoint.queries.length, ...result })}\n`);
}
await pool.end();
