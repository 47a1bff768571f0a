// The load generator, run by bench.mjs in its own process: `node bench/load.mjs <config.json>`. Sends `amount`
// requests of one endpoint over `connections` concurrent clients with autocannon after a warm-up, and prints one
// JSON line: throughput and latency percentiles of the measured requests.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { ENDPOINTS } from './endpoints.mjs';
import { summarise } from './stats.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const endpoint = ENDPOINTS.find((candidate) => candidate.name === config.endpoint);
if (!endpoint) throw new Error(`Unknown endpoint ${config.endpoint}`);

async function run(amount, record) {
  let nextClient = 0;
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const instance = autocannon({
    url: config.url,
    connections: config.connections,
    amount,
    timeout: 60,
    headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
    initialContext: {},
    requests: [
      {
        setupRequest: (request, context) => {
          context.client ??= nextClient++;
          const { method, path, body } = endpoint.request(config.context, context.client);
          // One signed-in session per client, as for separate users.
          const session = config.sessions.length ? config.sessions[context.client % config.sessions.length] : {};
          return { ...request, method, path, body, headers: { ...request.headers, ...session } };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else errors++;
  });
  const result = await instance;
  const elapsed = performance.now() - started;
  if (!record) return null;
  return { ...summarise(latencies, elapsed, errors + result.errors + result.timeouts), non2xx: result.non2xx };
}

await run(Math.max(config.connections * 2, Math.round(config.amount / 10)), false);
process.stdout.write(`${JSON.stringify(await run(config.amount, true))}\n`);
