import { Client, ClientConfig } from 'pg';

/**
 * How long a new connection may take to open before the database counts as unreachable. A reachable PostgreSQL
 * answers a connection in milliseconds even when busy (on loopback, about 10 ms on the loaded 2-core development
 * machine); 5 s without an answer means it is down or cut off, and the request should fail now with 503 (refused
 * connections, a stopped server, fail at once anyway).
 */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connections per API process (`DATABASE_POOL_SIZE`). Unchanged at 20: on the 2-core development machine the load
 * test (e2e/load) ran the same with 10 (34.0 requests/s, p95 2.2 s) as with 20 (32.6/s, p95 2.2 s), since the CPU,
 * not the number of connections, is the limit there; larger machines can use the 20. Several processes on one
 * server share its `max_connections` (100 by default): processes × pool size must stay below it.
 */
export const DEFAULT_POOL_SIZE = 20;

/**
 * How long a request may wait for a free pool connection (`DATABASE_POOL_WAIT_MS`) before it is answered 503 "busy".
 * Waiting is normal under load: every request holds one connection for its whole transaction, so 70 clients on 20
 * connections queue, and that wait is not a failure. It used to be the 5 s connect timeout, which turned 1–8 % of the
 * load test's requests into 503s on the shared 2-core machine. 15 s bounds the queue: well above the waits a busy but
 * healthy server produces (whole requests p95 2.2–4.8 s in that load test, depending on what else the machine
 * runs), below the statement timeout (30 s) and the 30–60 s after which proxies and people give up, so an overloaded
 * server sheds requests with an answer the client can retry (Retry-After) instead of piling them up. It is deliberately not the connect timeout:
 * that one measures whether the database is there at all, this one only how busy this process is.
 */
export const DEFAULT_POOL_WAIT_MS = 15000;

export interface PoolSettings {
  poolSize?: number;
  poolWaitMs?: number;
  applicationName?: string;
}

/**
 * The pg client with its own connect timeout. pg-pool uses one `connectionTimeoutMillis` for two different waits:
 * opening a connection and waiting in its queue for a free one. Given to the pool as its client class (pg-pool's
 * `Client` option), the connect timeout stays short (a database that is down fails fast) while the pool's own value
 * bounds only the queue.
 */
export class ClientWithConnectTimeout extends Client {
  constructor(config?: string | ClientConfig) {
    super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}
