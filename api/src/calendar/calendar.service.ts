import { Inject, Injectable } from '@nestjs/common';
import { ApiRoutes, API_PREFIX, CALENDAR_FEED_DAYS_AHEAD, CALENDAR_FEED_DAYS_BACK, CalendarFeedCreated, CalendarFeedStatus, routePath } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { newToken, sha256 } from '../auth';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { notFound } from '../common/http-errors';
import { CalendarEvent, serializeCalendar } from './feed-writer';
import { CalendarRepository, FeedScope, FeedSessionRow } from './calendar.repository';

const DAY_MS = 24 * 3600 * 1000;

interface FeedWords {
  unit: string;
  ledBy: string;
  cancelled: string;
}
const FEED_WORDS: Record<'sv' | 'en', FeedWords> = {
  sv: { unit: 'Enhet', ledBy: 'Leds av', cancelled: 'Inställt' },
  en: { unit: 'Unit', ledBy: 'Led by', cancelled: 'Cancelled' },
};
/** What a feed token looks like (32 random bytes, base64url): anything else cannot be one. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Secret, revocable iCalendar feeds of a person's or a unit's sessions (see README.md). The token is shown once;
 * only its SHA-256 is kept, so a leaked database does not open anyone's calendar.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly db: Db,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(scope: FeedScope): Promise<CalendarFeedStatus> {
    const feed = await this.repository.liveFeed(scope);
    return { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /** Creates the feed, or rotates it: the old URL stops working in the same transaction. */
  async create(organisationId: string, scope: FeedScope, actorId: string): Promise<CalendarFeedCreated> {
    if ('unitId' in scope && !(await this.repository.unitName(scope.unitId))) throw notFound();
    await this.repository.liveFeed(scope); // locks the live feed row, so two rotations in parallel leave one live feed
    const rotated = await this.repository.revoke(scope);
    const token = newToken(32);
    const createdAt = await this.repository.insert({ organisationId, scope, tokenHash: sha256(token), createdBy: actorId });
    await this.audit.record({
      action: rotated ? 'calendar_feed.rotated' : 'calendar_feed.created',
      targetType: 'personId' in scope ? 'person' : 'unit',
      targetId: 'personId' in scope ? scope.personId : scope.unitId,
      details: {},
    });
    return { url: this.feedUrl(token), createdAt: createdAt.toISOString() };
  }

  /** Idempotent: revoking a feed that is already gone changes nothing. */
  async revoke(scope: FeedScope): Promise<void> {
    if (!(await this.repository.revoke(scope))) return;
    await this.audit.record({
      action: 'calendar_feed.revoked',
      targetType: 'personId' in scope ? 'person' : 'unit',
      targetId: 'personId' in scope ? scope.personId : scope.unitId,
      details: {},
    });
  }

  /** The feed behind a token, or 404 for an unknown or revoked one (no difference is visible from outside). */
  async feed(token: string, now = new Date()): Promise<string> {
    if (!TOKEN.test(token)) throw notFound();
    const owner = await this.repository.feedOwner(sha256(token));
    if (!owner) throw notFound();
    const networkId = await this.networkOf(owner.organisationId);
    // From here on the request reads as the feed's organisation (row-level security), and only what the feed shows.
    return this.db.transaction(
      async () => {
        const scope: FeedScope = owner.personId ? { personId: owner.personId } : { unitId: owner.unitId as string };
        // A person's feed is written in their language; a unit's, shared by its team, in Swedish.
        const holder = owner.personId
          ? await this.repository.person(owner.personId)
          : { name: await this.repository.unitName(owner.unitId as string), language: 'sv' as const };
        if (!holder?.name) throw notFound();
        const name = holder.name;
        const words = FEED_WORDS[holder.language];
        const from = new Date(now.getTime() - CALENDAR_FEED_DAYS_BACK * DAY_MS);
        const to = new Date(now.getTime() + CALENDAR_FEED_DAYS_AHEAD * DAY_MS);
        const sessions = await this.repository.sessions(scope, from, to);
        return serializeCalendar({ name: `Kunna – ${name}`, generatedAt: now, events: sessions.map((session) => this.event(session, words)) });
      },
      { organisationId: owner.organisationId, personId: owner.personId, networkId },
    );
  }

  private event(session: FeedSessionRow, words: FeedWords): CalendarEvent {
    const cancelled = session.status === 'cancelled';
    const lines = [
      `${session.title} (${session.durationMinutes} min)`,
      `${words.unit}: ${session.unitName}`,
      ...(session.facilitators.length ? [`${words.ledBy}: ${session.facilitators.join(', ')}`] : []),
      ...(cancelled ? [`${words.cancelled.toUpperCase()}${session.cancelReason ? `: ${session.cancelReason}` : ''}`] : []),
    ];
    return {
      uid: `session-${session.id}@kunna`,
      sequence: session.revision,
      lastModified: session.updatedAt,
      start: session.startsAt,
      end: session.endsAt,
      summary: cancelled ? `${words.cancelled}: ${session.title}` : session.title,
      location: session.place,
      description: lines.join('\n'),
      cancelled,
      url: `${this.config.publicUrl}/tillfallen/${session.id}/narvaro`,
    };
  }

  private feedUrl(token: string): string {
    return `${this.config.publicUrl}/${API_PREFIX}/${routePath(ApiRoutes.calendar.feed, { token })}`;
  }

  private async networkOf(organisationId: string): Promise<string | null> {
    const rows: Array<{ network_id: string | null }> = await this.db.manager.query(`select network_id from organisation where id = $1`, [organisationId]);
    return rows[0]?.network_id ?? null;
  }
}
