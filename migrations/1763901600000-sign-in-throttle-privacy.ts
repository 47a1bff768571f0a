import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in throttle held e-mail addresses, employee numbers and client addresses in its keys, readable by the
 * API's role and never pruned. From here on the application stores only keyed hashes (HMAC with its secret,
 * api/src/auth/throttle-keys.ts), and the table is reached only through the functions below: row-level security is
 * forced with no policy for anyone but the owner in its system context, so the API's role cannot list the table.
 * The rows with clear keys are deleted (counters restart; a lock in force ends).
 */
export class SignInThrottlePrivacy1763901600000 implements MigrationInterface {
  name = 'SignInThrottlePrivacy1763901600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`delete from sign_in_throttle`);
    await q.query(`alter table sign_in_throttle enable row level security`);
    await q.query(`alter table sign_in_throttle force row level security`);
    await q.query(`
      create policy system_only on sign_in_throttle
        using ((select kunna_system_for('sign_in_throttle'::regclass)))
        with check ((select kunna_system_for('sign_in_throttle'::regclass)))`);
    await q.query(`create index sign_in_throttle_window_start on sign_in_throttle (window_start)`);

    await q.query(`
      create function kunna_throttle_locked_until(p_keys text[]) returns timestamptz
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select max(locked_until) from sign_in_throttle where key = any(p_keys) and locked_until > now()
      $$`);
    // From the p_threshold-th failure of a run on: locked for p_first_lock_seconds, doubling up to p_max_lock_seconds.
    await q.query(`
      create function kunna_throttle_record_failure(p_keys text[], p_threshold integer, p_memory_minutes integer,
                                                    p_first_lock_seconds double precision, p_max_lock_seconds double precision)
      returns void
      language sql volatile security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        insert into sign_in_throttle as t (key, failures, window_start, locked_until)
        select k, 1, now(), case when p_threshold <= 1 then now() + make_interval(secs => p_first_lock_seconds) end
          from unnest(p_keys) as k
        on conflict (key) do update set
          failures = case when t.window_start < now() - make_interval(mins => p_memory_minutes) then 1 else t.failures + 1 end,
          window_start = case when t.window_start < now() - make_interval(mins => p_memory_minutes) then now() else t.window_start end,
          locked_until = case
            when (case when t.window_start < now() - make_interval(mins => p_memory_minutes) then 1 else t.failures + 1 end) >= p_threshold
            then now() + make_interval(secs => least(p_max_lock_seconds, p_first_lock_seconds * power(2, least(
              (case when t.window_start < now() - make_interval(mins => p_memory_minutes) then 1 else t.failures + 1 end) - p_threshold, 20))))
            else t.locked_until end
      $$`);
    await q.query(`
      create function kunna_throttle_clear(p_keys text[]) returns void
      language sql volatile security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        delete from sign_in_throttle where key = any(p_keys)
      $$`);
    // For a person's own copy of their data: the counts under their keys, never the keys.
    await q.query(`
      create function kunna_throttle_entries(p_keys text[])
      returns table (failures integer, window_start timestamptz, locked_until timestamptz)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select failures, window_start, locked_until from sign_in_throttle where key = any(p_keys) order by window_start
      $$`);
    // Runs that began longer ago than they are remembered, and are not locked any more.
    await q.query(`
      create function kunna_throttle_prune(p_memory_minutes integer) returns integer
      language sql volatile security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        with gone as (
          delete from sign_in_throttle
           where window_start < now() - make_interval(mins => p_memory_minutes)
             and (locked_until is null or locked_until < now())
          returning 1)
        select count(*)::integer from gone
      $$`);
    for (const fn of FUNCTIONS) await q.query(`revoke all on function ${fn} from public`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`drop function ${fn}`);
    await q.query(`drop index sign_in_throttle_window_start`);
    await q.query(`drop policy system_only on sign_in_throttle`);
    await q.query(`alter table sign_in_throttle no force row level security`);
    await q.query(`alter table sign_in_throttle disable row level security`);
    await q.query(`delete from sign_in_throttle`);
  }
}

const FUNCTIONS = [
  'kunna_throttle_locked_until(text[])',
  'kunna_throttle_record_failure(text[], integer, integer, double precision, double precision)',
  'kunna_throttle_clear(text[])',
  'kunna_throttle_entries(text[])',
  'kunna_throttle_prune(integer)',
];
