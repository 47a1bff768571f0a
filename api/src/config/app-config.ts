import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POOL_SIZE, DEFAULT_POOL_WAIT_MS } from '../database/pool';
import { MIN_SECRET_LENGTH } from './secrets';

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  port: number;
  /** External PostgreSQL; when absent an embedded server is started in `dataDir`. */
  databaseUrl: string | null;
  /**
   * The application's own connection (a role that owns nothing and cannot bypass row-level security).
   * When absent, the owner creates the role `kunna_app` and the URL is derived from `databaseUrl`.
   */
  databaseAppUrl: string | null;
  /** The API's connection pool: connections per process and the longest wait for a free one (data-source.ts). */
  databasePool: { size: number; waitMs: number };
  dataDir: string;
  /** EMBEDDED_PG_PORT when set; null: the port remembered in the data folder, else 54329, else a free one. */
  embeddedPort: number | null;
  webDist: string | null;
  production: boolean;
  /** OpenAPI document and Swagger UI for everyone even in production (`API_DOCS=true`); otherwise there only for administrators. */
  apiDocs: boolean;
  /** Behind HTTPS (directly or via a proxy): cookies get Secure and the __Host- prefix. */
  secureCookies: boolean;
  trustProxy: boolean;
  publicUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loadDemoData: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The job queue's worker in this process (see api/src/jobs/README.md). */
  jobs: { worker: boolean; pollMs: number; concurrency: number };
  /** E-mail (api/src/notifications): SMTP when `smtpUrl` is set, otherwise messages stay in the local outbox. */
  mail: { smtpUrl: string | null; from: string };
  /** Single sign-on through OpenID Connect (api/src/auth/oidc.service.ts); null when not configured. */
  oidc: OidcConfig | null;
  /** `KUNNA_SECRET`: the key of signed device cookies and sign-in throttle keys; derived when not set (config/secrets.ts). */
  secret: string | null;
}

/** The claim that names a person: a verified e-mail, or the employee number in a claim of that name. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  organisationId: string;
  matchClaim: string;
}

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ORGANISATION_ID'] as const;

/** All four variables or none: a half-configured SSO must stop the start, not fail at the first sign-in. */
function oidcFromEnv(env: NodeJS.ProcessEnv): OidcConfig | null {
  const present = OIDC_VARIABLES.filter((name) => (env[name] ?? '') !== '');
  if (present.length === 0) return null;
  const missing = OIDC_VARIABLES.filter((name) => !present.includes(name));
  if (missing.length > 0) throw new Error(`OpenID Connect needs ${missing.join(', ')} as well`);
  const organisationId = env['OIDC_ORGANISATION_ID'] as string;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organisationId)) {
    throw new Error(`OIDC_ORGANISATION_ID must be an organisation's uuid, got "${organisationId}"`);
  }
  const issuer = env['OIDC_ISSUER'] as string;
  if (!isSecureOrLocalIssuer(issuer)) {
    throw new Error(`OIDC_ISSUER must be an https:// URL (http:// only on this machine: localhost, 127.0.0.1, [::1]), got "${issuer}"`);
  }
  return {
    issuer,
    clientId: env['OIDC_CLIENT_ID'] as string,
    clientSecret: env['OIDC_CLIENT_SECRET'] as string,
    organisationId,
    matchClaim: env['OIDC_MATCH_CLAIM'] || 'email',
  };
}

function secretFromEnv(env: NodeJS.ProcessEnv): string | null {
  const secret = env['KUNNA_SECRET'] ?? '';
  if (secret === '') return null;
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`KUNNA_SECRET must have at least ${MIN_SECRET_LENGTH} characters`);
  return secret;
}

/**
 * The provider is reached over TLS: the client secret and the tokens cross that connection. Plain HTTP only
 * for a provider on the loopback interface (tests, development); openid-client refuses it otherwise as well.
 */
function isSecureOrLocalIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** The folder holding the workspace's package.json, from sources (ts-node, jest) or from dist/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = intFromEnv(env, 'PORT', 3000);
  const secureCookies = env['SECURE_COOKIES'] === 'true' || (env['PUBLIC_URL'] ?? '').startsWith('https://');
  const logLevel = (env['LOG_LEVEL'] ?? 'info') as AppConfig['logLevel'];
  return {
    port,
    databaseUrl: env['DATABASE_URL'] || null,
    databaseAppUrl: env['DATABASE_APP_URL'] || null,
    databasePool: {
      size: intFromEnv(env, 'DATABASE_POOL_SIZE', DEFAULT_POOL_SIZE),
      waitMs: intFromEnv(env, 'DATABASE_POOL_WAIT_MS', DEFAULT_POOL_WAIT_MS),
    },
    dataDir: path.resolve(PROJECT_ROOT, env['KUNNA_DATA_DIR'] ?? '.data/pg'),
    embeddedPort: env['EMBEDDED_PG_PORT'] ? intFromEnv(env, 'EMBEDDED_PG_PORT', 0) : null,
    webDist: env['WEB_DIST'] === 'none' ? null : path.resolve(PROJECT_ROOT, env['WEB_DIST'] ?? 'dist/web/browser'),
    production: env['NODE_ENV'] === 'production',
    apiDocs: env['API_DOCS'] === 'true',
    secureCookies,
    trustProxy: env['TRUST_PROXY'] === 'true',
    publicUrl: env['PUBLIC_URL'] ?? `http://localhost:${port}`,
    sessionIdleMinutes: intFromEnv(env, 'SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intFromEnv(env, 'SESSION_ABSOLUTE_HOURS', 12),
    loadDemoData: env['KUNNA_DEMO_DATA'] !== 'false',
    logLevel,
    jobs: {
      worker: env['KUNNA_JOBS_WORKER'] !== 'false',
      pollMs: intFromEnv(env, 'KUNNA_JOBS_POLL_MS', 2000),
      concurrency: intFromEnv(env, 'KUNNA_JOBS_CONCURRENCY', 2),
    },
    mail: {
      smtpUrl: env['SMTP_URL'] || null,
      from: env['MAIL_FROM'] || `Kunna <no-reply@${new URL(env['PUBLIC_URL'] ?? `http://localhost:${port}`).hostname}>`,
    },
    oidc: oidcFromEnv(env),
    secret: secretFromEnv(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
