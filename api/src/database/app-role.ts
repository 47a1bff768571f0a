import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { JOB_SCHEMA } from '../jobs/job-boss';

/** The role the API connects as: it owns nothing and cannot bypass row-level security. */
export const DEFAULT_APP_ROLE = 'kunna_app';

/**
 * Returns the URL the API connects with and makes sure that role may do exactly what the API needs.
 *
 * With `appUrl` (DATABASE_APP_URL) the operator manages the role; otherwise the owner creates
 * `kunna_app` (a cluster-wide role, shared by every database on the server, e.g. parallel test runs)
 * with a password derived from the owner's, so every process with the same owner URL computes the
 * same one. Either way the grants are renewed after the migrations (new tables get them too), and
 * start-up fails if the role could bypass row-level security.
 */
export async function prepareAppConnection(ownerUrl: string, appUrl: string | null = null): Promise<string> {
  const url = appUrl ?? appUrlFor(ownerUrl);
  const role = decodeURIComponent(new URL(url).username);
  if (!appUrl && !(await canConnect(url))) await ensureRole(ownerUrl, role, decodeURIComponent(new URL(url).password));
  await grantPrivileges(ownerUrl, role);
  return url;
}

/** The owner URL with the application role's name and derived password. */
export function appUrlFor(ownerUrl: string): string {
  const parsed = new URL(ownerUrl);
  const ownerPassword = decodeURIComponent(parsed.password);
  parsed.username = DEFAULT_APP_ROLE;
  // Without an owner password the server trusts local connections; the app role then needs none either.
  parsed.password = ownerPassword ? createHash('sha256').update(`kunna-app-role:${ownerPassword}`).digest('hex') : '';
  return parsed.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureRole(ownerUrl: string, role: string, password: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Parallel processes may race to create the same cluster-wide role: retry the loser once the winner is done.
    for (let attempt = 0; ; attempt++) {
      try {
        const exists = (await client.query(`select 1 from pg_roles where rolname = $1`, [role])).rowCount === 1;
        const verb = exists ? 'alter' : 'create';
        const secret = password ? `password ${literal(password)}` : 'password null';
        await client.query(`${verb} role ${ident(role)} with login nosuperuser nobypassrls nocreatedb nocreaterole noinherit ${secret}`);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
}

/** Data privileges on everything in the schema, but never ownership: `audit_log` only ever grows. */
async function grantPrivileges(ownerUrl: string, role: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Two API processes starting together would otherwise collide on the catalog rows the grants update.
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtextextended('kunna.app-role-grants', 0))`);
    const facts = await client.query<{ superuser: boolean; bypass: boolean; member_of_owner: boolean }>(
      `select r.rolsuper as superuser, r.rolbypassrls as bypass,
              exists (select 1 from pg_tables t where t.schemaname = 'public' and pg_has_role(r.oid, t.tableowner, 'MEMBER')) as member_of_owner
         from pg_roles r where r.rolname = $1`,
      [role],
    );
    const fact = facts.rows[0];
    if (!fact) throw new Error(`The database role ${role} does not exist.`);
    if (fact.superuser || fact.bypass || fact.member_of_owner) {
      throw new Error(`The application role ${role} must not be a superuser, bypass row-level security or own the tables.`);
    }
    const database = ident((await client.query<{ db: string }>(`select current_database() as db`)).rows[0].db);
    await client.query(`grant connect on database ${database} to ${ident(role)}`);
    await client.query(`grant usage on schema public to ${ident(role)}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${ident(role)}`);
    await client.query(`grant usage, select on all sequences in schema public to ${ident(role)}`);
    await client.query(`grant execute on all functions in schema public to ${ident(role)}`);
    // pg-boss's schema (the job queue, installed by the owner in migrate()): its rows, never its definitions.
    const hasJobSchema = (await client.query(`select 1 from pg_namespace where nspname = $1`, [JOB_SCHEMA])).rowCount;
    if (hasJobSchema) {
      await client.query(`grant usage on schema ${ident(JOB_SCHEMA)} to ${ident(role)}`);
      await client.query(`grant select, insert, update, delete on all tables in schema ${ident(JOB_SCHEMA)} to ${ident(role)}`);
      await client.query(`grant usage, select on all sequences in schema ${ident(JOB_SCHEMA)} to ${ident(role)}`);
      await client.query(`grant execute on all functions in schema ${ident(JOB_SCHEMA)} to ${ident(role)}`);
    }
    const hasMigrations = (await client.query(`select 1 from pg_tables where schemaname = 'public' and tablename = 'migrations'`)).rowCount;
    if (hasMigrations) await client.query(`revoke insert, update, delete on migrations from ${ident(role)}`);
    const hasAudit = (await client.query(`select 1 from pg_tables where schemaname = 'public' and tablename = 'audit_log'`)).rowCount;
    if (hasAudit) await client.query(`revoke update, delete on audit_log from ${ident(role)}`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
