import { Injectable } from '@nestjs/common';
import { NotificationDetails, NotificationKind } from '@kunna/contracts';
import { defineJobKind, JobContext, JobQueue, PermanentJobError } from '../jobs';
import { NotificationsRepository, ReminderSession } from './notifications.repository';
import { NotificationsService } from './notifications.service';

export type SessionPayload = { sessionId: string };
export type CancelledPayload = { sessionId: string; revision: number };

/** "Session tomorrow": due 24 hours before the start; replaced when the session moves, cancelled with it. */
export const SESSION_TOMORROW = defineJobKind<SessionPayload>('sessions.reminder-tomorrow');
/** "Session cancelled": at once, to everyone invited and the facilitators. */
export const SESSION_CANCELLED = defineJobKind<CancelledPayload>('sessions.cancelled-notice');
/** "Answer the after check": after the session, to present participants who have not answered its open after round. */
export const AFTER_CHECK_PENDING = defineJobKind<SessionPayload>('checks.after-reminder');

const HOUR_MS = 3600 * 1000;
/** Time after the end for attendance to be recorded before the after-check reminder looks at it. */
export const AFTER_CHECK_DELAY_MS = 2 * HOUR_MS;

/**
 * Keeps each session's reminder jobs in step with the session. The sessions feature calls it inside the request that
 * changes the session, so the jobs commit or roll back with the change.
 */
@Injectable()
export class SessionReminders {
  constructor(
    private readonly jobs: JobQueue,
    private readonly repository: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** A session was scheduled, moved or restored: (re)schedule its reminders for its current time. */
  async scheduled(sessionId: string): Promise<void> {
    const session = await this.repository.session(sessionId);
    if (!session) return;
    if (session.status === 'cancelled') return this.cancelled(sessionId);
    const now = Date.now();
    const options = { onConflict: 'replace' as const, organisationId: session.organisationId };
    if (session.startsAt.getTime() > now) {
      const runAt = new Date(Math.max(now, session.startsAt.getTime() - 24 * HOUR_MS));
      await this.jobs.enqueue(SESSION_TOMORROW, { sessionId }, { ...options, runAt, uniqueKey: tomorrowKey(sessionId) });
    } else {
      await this.jobs.cancel(SESSION_TOMORROW, tomorrowKey(sessionId));
    }
    const afterAt = new Date(session.endsAt.getTime() + AFTER_CHECK_DELAY_MS);
    await this.jobs.enqueue(
      AFTER_CHECK_PENDING,
      { sessionId },
      { ...options, runAt: new Date(Math.max(now, afterAt.getTime())), uniqueKey: afterKey(sessionId) },
    );
  }

  /** A session was changed: reminders follow a cancellation, a restore or a new time; other changes need nothing. */
  async changed(sessionId: string, before: { status: string; date: string; startTime: string; durationMinutes: number }): Promise<void> {
    const session = await this.repository.session(sessionId);
    if (!session) return;
    if (session.status === 'cancelled') {
      if (before.status !== 'cancelled') await this.cancelled(sessionId);
      return;
    }
    const moved = session.date !== before.date || session.startTime !== before.startTime.slice(0, 5) || session.durationMinutes !== before.durationMinutes;
    if (moved || before.status === 'cancelled') await this.scheduled(sessionId);
  }

  /** A session was cancelled: no more reminders, and everyone concerned hears of it (if it had not yet ended). */
  async cancelled(sessionId: string): Promise<void> {
    await this.jobs.cancel(SESSION_TOMORROW, tomorrowKey(sessionId));
    await this.jobs.cancel(AFTER_CHECK_PENDING, afterKey(sessionId));
    const session = await this.repository.session(sessionId);
    if (!session || session.endsAt.getTime() < Date.now()) return;
    await this.jobs.enqueue(
      SESSION_CANCELLED,
      { sessionId, revision: session.revision },
      { uniqueKey: `session:${sessionId}:cancelled:${session.revision}`, organisationId: session.organisationId },
    );
  }

  // --- job handlers ---

  async remindTomorrow(payload: SessionPayload, context: JobContext): Promise<void> {
    const session = await this.requireSession(payload.sessionId);
    // Moved or cancelled since the job was due: the job for the new time (or none) does the work.
    if (session.status !== 'scheduled' || session.startsAt.getTime() <= context.runAt.getTime()) return;
    for (const recipient of await this.repository.participants(session.id)) {
      await this.notifications.notify(
        session.organisationId,
        recipient,
        NotificationKind.SessionTomorrow,
        session.id,
        details(session),
        `${NotificationKind.SessionTomorrow}:${session.id}:${session.revision}`,
        '/notiser',
      );
    }
  }

  async noticeCancelled(payload: CancelledPayload): Promise<void> {
    const session = await this.requireSession(payload.sessionId);
    // Restored again before the notice went out: nobody needs to hear of the cancellation.
    if (session.status !== 'cancelled') return;
    for (const recipient of await this.repository.participants(session.id)) {
      await this.notifications.notify(
        session.organisationId,
        recipient,
        NotificationKind.SessionCancelled,
        session.id,
        { ...details(session), cancelReason: session.cancelReason },
        `${NotificationKind.SessionCancelled}:${session.id}:${payload.revision}`,
        '/notiser',
      );
    }
  }

  async remindAfterCheck(payload: SessionPayload): Promise<void> {
    const session = await this.requireSession(payload.sessionId);
    if (session.status !== 'scheduled') return;
    const today = await this.repository.today();
    for (const recipient of await this.repository.pendingAfterCheck(session.id, today)) {
      await this.notifications.notify(
        session.organisationId,
        recipient,
        NotificationKind.AfterCheckPending,
        session.id,
        { ...details(session), checkCode: recipient.code },
        `${NotificationKind.AfterCheckPending}:${session.id}:${recipient.code}`,
        `/m/${recipient.code}`,
      );
    }
  }

  private async requireSession(sessionId: string): Promise<ReminderSession> {
    const session = await this.repository.session(sessionId);
    if (!session) throw new PermanentJobError(`session ${sessionId} does not exist`);
    return session;
  }
}

function tomorrowKey(sessionId: string): string {
  return `session:${sessionId}:tomorrow`;
}

function afterKey(sessionId: string): string {
  return `session:${sessionId}:after-check`;
}

function details(session: ReminderSession): NotificationDetails {
  return { sessionTitle: session.title, date: session.date, startTime: session.startTime, place: session.place };
}
