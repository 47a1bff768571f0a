/**
 * SQL vocabulary about sessions and participation that several features share (sessions, checks, insights, today,
 * ambassadors, personal data): one definition, so a head count or an attendance means the same everywhere. Kept here
 * rather than in a feature so that features need not reach into each other's repositories for it.
 */

/** Sessions are planned in local Swedish time; every instant is derived in the database from date + time. */
export const SESSION_TIME_ZONE = 'Europe/Stockholm';
/** Today's date where the sessions take place (SQL). */
export const LOCAL_TODAY = `(now() at time zone '${SESSION_TIME_ZONE}')::date`;

/**
 * Attended: present, or partial for at least half the session. What completes a program step (and so qualifies
 * ambassadors) and what catch-up treats as not missed.
 */
export const ATTENDED_SQL = `(m.status = 'present' or (m.status = 'partial' and m.minutes * 2 >= s.duration_minutes))`;

/** Minutes a mark counts as participation: the whole session when present, the minutes given when partial. */
export const PARTICIPATION_MINUTES_SQL = `case m.status when 'present' then s.duration_minutes when 'partial' then least(m.minutes, s.duration_minutes) else 0 end`;

/**
 * The people a session invites (the view session_invitees), for `cross join lateral ${invitedTo('s.id')} i`. Joining
 * the view on a column makes PostgreSQL build every session's invitees (its union cannot take a join condition) and
 * then join; a lateral subquery kept apart by `offset 0` receives the session as a parameter that reaches both halves
 * of the union, so each session costs index lookups (50 sessions' invitees at 10 000 staff: 1–2 s → 20–40 ms).
 */
export const invitedTo = (sessionId: string) => `(select i.person_id from session_invitees i where i.session_id = ${sessionId} offset 0)`;
