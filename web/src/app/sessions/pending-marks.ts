import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { AttendanceMarkInput, AttendanceStatus } from '@kunna/contracts';
import { Session } from '../core/session';
import { SessionsApi } from './sessions-api';

/** One mark made on this device and not yet confirmed by the server. */
export interface PendingMark extends AttendanceMarkInput {
  sessionId: string;
}

export interface RejectedMark {
  mark: PendingMark;
  message: string;
}

const STORAGE_PREFIX = 'kunna.pendingMarks.';

/** A v4 UUID: the client-generated id that makes every mark safe to send again. */
export function newMarkId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Attendance marks waiting for the server, kept in the browser (localStorage) so that a tablet without network keeps
 * working and nothing is lost on a reload. Each mark has its own id: sending a batch again after a lost answer is
 * harmless (the server answers `replayed`). Marks are kept per signed-in person: on a shared tablet the next person
 * neither sees nor sends them, and they are sent when their author signs in again. Only ids, statuses and walk-in
 * names are stored, and each mark is removed as soon as the server has it.
 */
@Injectable({ providedIn: 'root' })
export class PendingMarks {
  private readonly api = inject(SessionsApi);
  private readonly session = inject(Session);
  private readonly marks = signal<PendingMark[]>([]);
  private syncing: Promise<void> | null = null;
  /** False after a send failed for lack of network, until the browser says it is back. */
  readonly online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly rejected = signal<RejectedMark[]>([]);
  readonly count = computed(() => this.marks().length);
  /** The server confirmed marks of a session (the attendance page reloads its list). */
  readonly confirmed = signal<{ sessionId: string; at: number } | null>(null);

  constructor() {
    this.marks.set(this.read());
    // On a shared tablet the next person starts with nothing of this one's (their marks stay stored for them).
    const stopForgetting = this.session.onForget(() => {
      this.marks.set([]);
      this.rejected.set([]);
    });
    const back = () => {
      this.online.set(true);
      void this.sync();
    };
    const gone = () => this.online.set(false);
    window.addEventListener('online', back);
    window.addEventListener('offline', gone);
    inject(DestroyRef).onDestroy(() => {
      stopForgetting();
      window.removeEventListener('online', back);
      window.removeEventListener('offline', gone);
    });
  }

  forSession(sessionId: string): PendingMark[] {
    return this.marks().filter((mark) => mark.sessionId === sessionId);
  }

  /** Stores marks at once (before any network) and tries to send them; the new marks' ids. */
  add(sessionId: string, marks: Array<{ personId?: string; walkInName?: string; status: AttendanceStatus; minutes?: number | null }>): string[] {
    const recordedAt = new Date().toISOString();
    const added: PendingMark[] = marks.map((mark) => ({ ...mark, sessionId, id: newMarkId(), recordedAt }));
    // A newer mark of the same person on this device replaces the older one before it is ever sent.
    const key = (mark: PendingMark) => `${mark.sessionId}|${mark.personId ?? `~${(mark.walkInName ?? '').toLowerCase()}`}`;
    const replaced = new Set(added.map(key));
    this.marks.update((current) => [...current.filter((mark) => !replaced.has(key(mark))), ...added]);
    this.write();
    void this.sync();
    return added.map((mark) => mark.id);
  }

  /**
   * Takes marks back: those still waiting on this device are dropped (they never reach the server); the ids answered
   * are those the server already has (or may have: a send in progress is awaited first), to be cleared there.
   */
  async withdraw(ids: readonly string[]): Promise<string[]> {
    while (this.syncing) await this.syncing;
    const wanted = new Set(ids);
    const waiting = new Set(
      this.read()
        .filter((mark) => wanted.has(mark.id))
        .map((mark) => mark.id),
    );
    if (waiting.size > 0) this.remove([...waiting]);
    const refused = new Set(this.rejected().map((entry) => entry.mark.id));
    return ids.filter((id) => !waiting.has(id) && !refused.has(id));
  }

  /** The pending mark of one participant (by person id or walk-in name) in a session, if any. */
  pendingFor(sessionId: string, key: string): PendingMark | undefined {
    return this.forSession(sessionId).find((mark) => (mark.personId ?? `~${(mark.walkInName ?? '').toLowerCase()}`) === key);
  }

  /** Sends every pending mark, one batch per session; safe to call at any time and repeatedly. */
  sync(): Promise<void> {
    this.syncing ??= this.sendAll().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async sendAll(): Promise<void> {
    this.marks.set(this.read());
    const sessions = [...new Set(this.marks().map((mark) => mark.sessionId))];
    for (const sessionId of sessions) {
      const batch = this.forSession(sessionId);
      if (batch.length === 0) continue;
      try {
        await this.api.recordAttendance(sessionId, { marks: batch.map(({ sessionId: _session, ...mark }) => mark) });
        this.online.set(true);
        this.remove(batch.map((mark) => mark.id));
        this.confirmed.set({ sessionId, at: Date.now() });
      } catch (error) {
        if (error instanceof HttpErrorResponse && (error.status === 0 || error.status >= 500)) {
          // No network (or the server is down): keep everything and try again when the network returns.
          if (error.status === 0) this.online.set(false);
          return;
        }
        // The server refused the batch (a cancelled session, a mistake): keep it visible, never send it again.
        const body: unknown = error instanceof HttpErrorResponse ? error.error : null;
        const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : '';
        this.rejected.update((list) => [...list, ...batch.map((mark) => ({ mark, message }))]);
        this.remove(batch.map((mark) => mark.id));
      }
    }
  }

  private remove(ids: string[]): void {
    const sent = new Set(ids);
    const stored = this.read().filter((mark) => !sent.has(mark.id));
    this.marks.set(stored);
    this.write();
  }

  private storageKey(): string | null {
    const personId = this.session.user()?.personId;
    return personId ? `${STORAGE_PREFIX}${personId}` : null;
  }

  private read(): PendingMark[] {
    const key = this.storageKey();
    if (!key) return [];
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as PendingMark[]) : [];
    } catch {
      return [];
    }
  }

  private write(): void {
    const key = this.storageKey();
    if (!key) return;
    try {
      const marks = this.marks();
      if (marks.length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(marks));
    } catch {
      /* storage full or unavailable: the marks stay in memory for this page */
    }
  }
}
