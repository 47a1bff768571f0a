import { Injectable } from '@nestjs/common';
import { Role, RoleGrant, ScopeType, SessionInfo, StaffLanguage } from '@kunna/contracts';
import { Secrets } from '../config/secrets';
import { Db } from '../database/db';
import { THROTTLE_PURPOSE } from './throttle-keys';
import { AuthSessionEntity, CredentialEntity, OneTimeCodeEntity, OneTimeCodePurpose } from './auth.entities';
import type { Grant } from './caller';
import type { PasswordContext } from './password-policy';
import type { ScopePosition } from './scope';

export interface SignInCandidate {
  personId: string;
  organisationId: string;
  passwordHash: string | null;
  disabled: boolean;
}

/** When a throttle key locks, and for how long (AuthRepository.recordFailure). */
export interface ThrottlePolicy {
  threshold: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
  memoryMinutes: number;
}

export interface CallerRow {
  personId: string;
  organisationId: string;
  organisationName: string;
  networkId: string;
  firstName: string;
  lastName: string;
  preferredLanguage: StaffLanguage;
}

@Injectable()
export class AuthRepository {
  constructor(
    private readonly db: Db,
    private readonly secrets: Secrets,
  ) {}

  /**
   * People the identifier may name: by e-mail anywhere, or by employee number in one organisation.
   * Before sign-in there is no tenant: the narrow SECURITY DEFINER function looks across organisations.
   */
  async findSignInCandidates(identifier: string, organisationId: string | null): Promise<SignInCandidate[]> {
    const rows: Array<{ person_id: string; organisation_id: string; password_hash: string | null; disabled: boolean }> = await this.db.manager.query(
      `select * from kunna_sign_in_candidates($1, $2::uuid)`,
      [identifier, organisationId],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      organisationId: row.organisation_id,
      passwordHash: row.password_hash,
      disabled: row.disabled,
    }));
  }

  async createSession(session: Omit<AuthSessionEntity, 'createdAt' | 'lastSeenAt' | 'revokedAt' | 'kioskRoundId'> & { kioskRoundId?: string }): Promise<void> {
    await this.db.manager.insert(AuthSessionEntity, { ...session, kioskRoundId: session.kioskRoundId ?? null });
  }

  /** The round of a kiosk response (null for an unknown id or a response given through the link). */
  async roundOfKioskResponse(responseId: string): Promise<string | null> {
    const rows: Array<{ round_id: string }> = await this.db.manager.query(`select round_id from check_response where id = $1 and via = 'kiosk'`, [responseId]);
    return rows[0]?.round_id ?? null;
  }

  /**
   * A live session: not revoked, not past its absolute expiry, and used within the idle timeout. Looked up
   * before the tenant is known, through a SECURITY DEFINER function that reads only this row.
   */
  async findLiveSession(
    id: string,
    idleMinutes: number,
  ): Promise<{ personId: string; organisationId: string; csrfToken: string; kioskRoundId: string | null } | null> {
    const rows: Array<{ person_id: string; organisation_id: string; csrf_token: string; kiosk_round_id: string | null }> = await this.db.manager.query(
      `select * from kunna_live_session($1, $2)`,
      [id, idleMinutes],
    );
    const row = rows[0];
    return row ? { personId: row.person_id, organisationId: row.organisation_id, csrfToken: row.csrf_token, kioskRoundId: row.kiosk_round_id } : null;
  }

  async touchSession(id: string): Promise<void> {
    await this.db.manager.query(`update auth_session set last_seen_at = now() where id = $1 and last_seen_at < now() - interval '15 seconds'`, [id]);
  }

  async revokeSession(id: string, personId: string): Promise<boolean> {
    const result = await this.db.manager.query<[unknown[], number]>(
      `update auth_session set revoked_at = now() where id = $1 and person_id = $2 and revoked_at is null returning id`,
      [id, personId],
    );
    return result[0].length > 0;
  }

  async revokeAllSessions(personId: string): Promise<void> {
    await this.db.manager.query(`update auth_session set revoked_at = now() where person_id = $1 and revoked_at is null`, [personId]);
  }

  async revokeOtherSessions(personId: string, keepId: string): Promise<void> {
    await this.db.manager.query(`update auth_session set revoked_at = now() where person_id = $1 and id <> $2 and revoked_at is null`, [personId, keepId]);
  }

  async listSessions(personId: string, currentId: string, idleMinutes: number): Promise<SessionInfo[]> {
    const rows: Array<{ id: string; created_at: Date; last_seen_at: Date; user_agent: string | null }> = await this.db.manager.query(
      `select id, created_at, last_seen_at, user_agent from auth_session
          where person_id = $1 and revoked_at is null and expires_at > now()
            and last_seen_at > now() - make_interval(mins => $2)
          order by last_seen_at desc`,
      [personId, idleMinutes],
    );
    return rows.map((row) => ({
      // The public id is a prefix of the stored hash: enough to name it, useless to hijack it.
      id: row.id.slice(0, 16),
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      userAgent: row.user_agent,
      current: row.id === currentId,
    }));
  }

  async findSessionIdByPrefix(personId: string, prefix: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from auth_session where person_id = $1 and left(id, 16) = $2 and revoked_at is null`,
      [personId, prefix],
    );
    return rows.length === 1 ? rows[0].id : null;
  }

  async loadCaller(personId: string): Promise<CallerRow | null> {
    const rows: Array<CallerRow> = await this.db.manager.query(
      `select p.id as "personId", p.organisation_id as "organisationId", o.name as "organisationName",
              o.network_id as "networkId", p.first_name as "firstName", p.last_name as "lastName",
              p.preferred_language as "preferredLanguage"
         from person p join organisation o on o.id = p.organisation_id
        where p.id = $1 and p.disabled_at is null and p.pseudonymised_at is null
          and (p.end_date is null or p.end_date >= current_date)`,
      [personId],
    );
    return rows[0] ?? null;
  }

  async activeGrants(personId: string): Promise<Grant[]> {
    const rows: Array<{ id: string; role: Role; scope_type: ScopeType; scope_id: string }> = await this.db.manager.query(
      `select id, role, scope_type, scope_id from role_assignment
        where person_id = $1 and start_date <= current_date and (end_date is null or end_date >= current_date)`,
      [personId],
    );
    return rows.map((row) => ({ id: row.id, role: row.role, scopeType: row.scope_type, scopeId: row.scope_id }));
  }

  /** Active and future role grants with the names of their scopes, for display. */
  async describeGrants(personId: string): Promise<RoleGrant[]> {
    const rows: Array<{ id: string; role: Role; scope_type: ScopeType; scope_id: string; scope_name: string; start_date: string; end_date: string | null }> =
      await this.db.manager.query(
        `select r.id, r.role, r.scope_type, r.scope_id, r.start_date::text, r.end_date::text,
                coalesce(u.name, a.name, o.name, n.name, '') as scope_name
           from role_assignment r
           left join unit u on r.scope_type = 'unit' and u.id = r.scope_id
           left join area a on r.scope_type = 'area' and a.id = r.scope_id
           left join organisation o on r.scope_type = 'organisation' and o.id = r.scope_id
           left join network n on r.scope_type = 'network' and n.id = r.scope_id
          where r.person_id = $1 and (r.end_date is null or r.end_date >= current_date)
          order by r.role, scope_name`,
        [personId],
      );
    return rows.map((row) => ({
      id: row.id,
      role: row.role,
      scopeType: row.scope_type,
      scopeId: row.scope_id,
      scopeName: row.scope_name,
      startDate: row.start_date,
      endDate: row.end_date,
    }));
  }

  async setPassword(personId: string, organisationId: string, passwordHash: string): Promise<void> {
    await this.db.manager.query(
      `insert into credential (person_id, organisation_id, password_hash, password_changed_at)
       values ($1, $2, $3, now())
       on conflict (person_id) do update set password_hash = excluded.password_hash, password_changed_at = now()`,
      [personId, organisationId, passwordHash],
    );
  }

  /** True when the language changed. */
  async setPreferredLanguage(personId: string, language: StaffLanguage): Promise<boolean> {
    const result = await this.db.manager.query<[unknown[], number]>(
      `update person set preferred_language = $2, updated_at = now() where id = $1 and preferred_language <> $2 returning id`,
      [personId, language],
    );
    return result[0].length > 0;
  }

  /** The person's own words a new password must not be built from (password-policy.ts). */
  async passwordContext(personId: string): Promise<PasswordContext | null> {
    const rows: PasswordContext[] = await this.db.manager.query(
      `select p.first_name as "firstName", p.last_name as "lastName", p.email, p.employee_number as "employeeNumber",
              o.name as "organisationName"
         from person p join organisation o on o.id = p.organisation_id where p.id = $1`,
      [personId],
    );
    return rows[0] ?? null;
  }

  async passwordHash(personId: string): Promise<string | null> {
    const credential = await this.db.manager.findOne(CredentialEntity, { where: { personId } });
    return credential?.passwordHash ?? null;
  }

  async createOneTimeCode(code: Omit<OneTimeCodeEntity, 'id' | 'createdAt' | 'usedAt'>): Promise<void> {
    // A new code replaces any earlier unused one for the same person.
    await this.db.manager.query(`update one_time_code set used_at = now() where person_id = $1 and used_at is null`, [code.personId]);
    await this.db.manager.insert(OneTimeCodeEntity, code);
  }

  /** Marks the code used and returns its person, if it was valid; at most one caller can win. */
  async consumeOneTimeCode(codeHash: string): Promise<{ personId: string; organisationId: string; purpose: OneTimeCodePurpose } | null> {
    // Anonymous: the code names its person, so the look-up precedes any tenant (SECURITY DEFINER function).
    const rows: Array<{ person_id: string; organisation_id: string; purpose: OneTimeCodePurpose }> = await this.db.manager.query(
      `select * from kunna_consume_one_time_code($1)`,
      [codeHash],
    );
    const row = rows[0];
    return row ? { personId: row.person_id, organisationId: row.organisation_id, purpose: row.purpose } : null;
  }

  // --- sign-in throttling, shared by every API process through the database ---
  // Keys are given in plain (throttle-keys.ts) and stored only as keyed hashes; the table is reached only through
  // its functions (migrations/1763901600000-sign-in-throttle-privacy.ts).

  private hashed(keys: string[]): string[] {
    return keys.map((key) => this.secrets.mac(THROTTLE_PURPOSE, key));
  }

  async lockedUntil(keys: string[]): Promise<Date | null> {
    const rows: Array<{ locked_until: Date | null }> = await this.db.manager.query(`select kunna_throttle_locked_until($1) as locked_until`, [
      this.hashed(keys),
    ]);
    return rows[0]?.locked_until ?? null;
  }

  /**
   * Counts a failure for each key. From the `threshold`-th failure of a run on, the key is locked: first for
   * `firstLockSeconds`, doubling with each further failure up to `maxLockSeconds`. A run is forgotten
   * `memoryMinutes` after it began.
   */
  async recordFailure(keys: string[], policy: ThrottlePolicy): Promise<void> {
    await this.db.manager.query(`select kunna_throttle_record_failure($1, $2, $3, $4, $5)`, [
      this.hashed(keys),
      policy.threshold,
      policy.memoryMinutes,
      policy.firstLockSeconds,
      policy.maxLockSeconds,
    ]);
  }

  async clearThrottle(keys: string[]): Promise<void> {
    await this.db.manager.query(`select kunna_throttle_clear($1)`, [this.hashed(keys)]);
  }

  /** The counts under these keys (a person's own copy of their data). */
  async throttleEntries(keys: string[]): Promise<Array<{ failures: number; windowStart: string; lockedUntil: string | null }>> {
    const rows: Array<{ failures: number; window_start: Date; locked_until: Date | null }> = await this.db.manager.query(
      `select * from kunna_throttle_entries($1)`,
      [this.hashed(keys)],
    );
    return rows.map((row) => ({
      failures: row.failures,
      windowStart: row.window_start.toISOString(),
      lockedUntil: row.locked_until?.toISOString() ?? null,
    }));
  }

  /** Deletes runs older than `memoryMinutes` that are not locked; returns how many. */
  async pruneThrottle(memoryMinutes: number): Promise<number> {
    const rows: Array<{ removed: number }> = await this.db.manager.query(`select kunna_throttle_prune($1) as removed`, [memoryMinutes]);
    return rows[0]?.removed ?? 0;
  }

  // --- where objects sit in the tree, for scope checks ---

  async positionOfUnit(id: string): Promise<ScopePosition | null> {
    const rows: Array<{ network_id: string; organisation_id: string; area_id: string }> = await this.db.manager.query(
      `select o.network_id, u.organisation_id, u.area_id from unit u join organisation o on o.id = u.organisation_id where u.id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: row.organisation_id, areaIds: [row.area_id], unitIds: [id] } : null;
  }

  async positionOfArea(id: string): Promise<ScopePosition | null> {
    const rows: Array<{ network_id: string; organisation_id: string }> = await this.db.manager.query(
      `select o.network_id, a.organisation_id from area a join organisation o on o.id = a.organisation_id where a.id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: row.organisation_id, areaIds: [id], unitIds: [] } : null;
  }

  async positionOfOrganisation(id: string): Promise<ScopePosition | null> {
    const rows: Array<{ network_id: string }> = await this.db.manager.query(`select network_id from organisation where id = $1`, [id]);
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: id, areaIds: [], unitIds: [] } : null;
  }

  async positionOfNetwork(id: string): Promise<ScopePosition | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(`select id from network where id = $1`, [id]);
    return rows[0] ? { networkId: id, organisationId: '', areaIds: [], unitIds: [] } : null;
  }

  /**
   * A person sits in the units of their memberships that have not ended: current ones and those that start
   * later (a new hire, or the receiving unit of a planned move), so the receiving unit's managers can prepare.
   * A membership that has ended no longer places the person: the unit they left loses sight of them.
   */
  async positionOfPerson(id: string): Promise<ScopePosition | null> {
    const rows: Array<{ network_id: string; organisation_id: string; unit_ids: string[]; area_ids: string[] }> = await this.db.manager.query(
      `select o.network_id, p.organisation_id,
                coalesce(array_agg(distinct m.unit_id) filter (where m.unit_id is not null), '{}') as unit_ids,
                coalesce(array_agg(distinct u.area_id) filter (where u.area_id is not null), '{}') as area_ids
           from person p
           join organisation o on o.id = p.organisation_id
           left join unit_membership m on m.person_id = p.id and (m.end_date is null or m.end_date >= current_date)
           left join unit u on u.id = m.unit_id
          where p.id = $1
          group by o.network_id, p.organisation_id`,
      [id],
    );
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: row.organisation_id, areaIds: row.area_ids, unitIds: row.unit_ids, personId: id } : null;
  }
}
