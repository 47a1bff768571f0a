import { Component, computed, effect, inject, input, signal, untracked, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AttendanceRow, AttendanceStatus, SessionAttendance, SessionDetail, WALK_IN_QUERY_MIN_LENGTH, WalkInCandidate } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { remote } from '../core/remote';
import { fieldMessage, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { PendingMarks } from './pending-marks';
import { SeriesPanel } from './series-panel';
import { SessionsApi } from './sessions-api';

/** One line of the list: a person (invited or walk-in) with the server's mark and this device's pending one. */
export interface AttendanceLine {
  key: string;
  personId: string | null;
  name: string;
  employeeNumber: string | null;
  walkIn: boolean;
  status: AttendanceStatus | null;
  minutes: number | null;
  pending: boolean;
  /** The id of the server's mark in force (what clearing removes there), if any. */
  markId: string | null;
}

export const STATUS_KEYS: Record<AttendanceStatus, TranslationKey> = {
  [AttendanceStatus.Present]: 'attendance.status.present',
  [AttendanceStatus.Absent]: 'attendance.status.absent',
  [AttendanceStatus.Excused]: 'attendance.status.excused',
  [AttendanceStatus.Partial]: 'attendance.status.partial',
};

/**
 * Tablet-first attendance (närvaro): one tap marks a person present, "mark all present" fills the rest, walk-ins by
 * name or employee number. Works without network: marks are stored on the device, shown as waiting, and sent when the
 * network returns (see PendingMarks). Also the one screen for entering a paper sheet's marks afterwards.
 */
@Component({
  selector: 'k-attendance-page',
  imports: [TranslatePipe, RouterLink, SeriesPanel],
  templateUrl: './attendance-page.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './attendance-page.css',
})
export class AttendancePage {
  readonly sessionId = input.required<string>();
  private readonly api = inject(SessionsApi);
  protected readonly pending = inject(PendingMarks);
  private readonly i18n = inject(I18n);
  private readonly feedback = inject(Feedback);
  protected readonly session = remote<string, SessionDetail>({ params: this.sessionId, load: (sessionId) => this.api.detail(sessionId) });
  protected readonly attendance = remote<string, SessionAttendance>({ params: this.sessionId, load: (sessionId) => this.api.attendance(sessionId) });
  protected readonly problemKey = problemKey;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly Status = AttendanceStatus;
  protected readonly otherStatuses = [AttendanceStatus.Absent, AttendanceStatus.Excused, AttendanceStatus.Partial];

  /** The person whose other choices (absent, excused, partial) are open. */
  protected readonly expanded = signal<string | null>(null);
  protected readonly partialMinutes = signal<Record<string, number>>({});
  protected readonly walkInQuery = signal('');
  protected readonly candidates = signal<WalkInCandidate[] | null>(null);
  protected readonly minQueryLength = WALK_IN_QUERY_MIN_LENGTH;
  protected readonly searching = signal(false);
  protected readonly cancelReason = signal('');
  protected readonly cancelling = signal(false);
  protected readonly cancelError = signal<string | null>(null);

  protected readonly lines = computed<AttendanceLine[]>(() => {
    const rows = this.attendance.value()?.rows ?? [];
    const pending = this.pending.forSession(this.sessionId());
    const lines: AttendanceLine[] = rows.map((row) => this.lineOf(row));
    for (const mark of pending) {
      const key = mark.personId ?? `~${(mark.walkInName ?? '').toLowerCase()}`;
      const line = lines.find((candidate) => candidate.key === key);
      if (line) {
        Object.assign(line, { status: mark.status, minutes: mark.minutes ?? null, pending: true });
      } else {
        const candidate = this.candidates()?.find((person) => person.id === mark.personId);
        lines.push({
          key,
          personId: mark.personId ?? null,
          name: mark.walkInName ?? candidate?.name ?? this.knownNames.get(key) ?? '',
          employeeNumber: null,
          walkIn: true,
          status: mark.status,
          minutes: mark.minutes ?? null,
          pending: true,
          markId: null,
        });
      }
    }
    return lines;
  });
  protected readonly unmarked = computed(() => this.lines().filter((line) => line.status === null && !line.walkIn));
  protected readonly presentCount = computed(
    () => this.lines().filter((line) => line.status === AttendanceStatus.Present || line.status === AttendanceStatus.Partial).length,
  );
  protected readonly pendingHere = computed(() => this.pending.forSession(this.sessionId()).length);
  /** Names of walk-ins chosen from the search, so a pending one keeps its name while offline. */
  private readonly knownNames = new Map<string, string>();

  constructor() {
    // Opening a session sends what waits on this device, so the list soon shows it as the server has it.
    effect(() => {
      this.sessionId();
      void untracked(() => this.pending.sync());
    });
    // After the server confirms marks of this session, show its list (with who recorded what).
    effect(() => {
      const confirmed = this.pending.confirmed();
      if (confirmed?.sessionId === this.sessionId()) untracked(() => this.attendance.reload());
    });
  }

  /** Cancels the session (it stays, marked cancelled, so calendars show the cancellation); the invited are told. */
  protected async cancelSession(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this.cancelReason().trim();
    if (!reason) {
      this.cancelError.set(this.i18n.t('sessionCancel.reason'));
      return;
    }
    this.cancelling.set(true);
    this.cancelError.set(null);
    try {
      this.session.set(await this.api.update(this.sessionId(), { cancelled: true, cancelReason: reason }));
      this.feedback.tell(this.i18n.t('sessionCancel.done'));
    } catch (error) {
      const problem = problemOf(error);
      this.cancelError.set(fieldMessage(problem, 'cancelReason') ?? problem.serverMessage ?? this.i18n.t(problemKey(problem)));
    } finally {
      this.cancelling.set(false);
    }
  }

  protected facilitatorNames(session: SessionDetail): string {
    return session.facilitators.map((person) => person.name).join(', ');
  }

  /** A series change may have moved or cancelled this session: show it as it is now. */
  protected seriesChanged(message: string): void {
    this.session.reload();
    this.feedback.tell(message);
  }

  protected mark(line: AttendanceLine, status: AttendanceStatus): void {
    const minutes = status === AttendanceStatus.Partial ? this.minutesFor(line) : null;
    this.pending.add(this.sessionId(), [line.personId ? { personId: line.personId, status, minutes } : { walkInName: line.name, status, minutes }]);
    this.expanded.set(null);
    this.feedback.announce(this.i18n.t('attendance.marked', { name: line.name, status: this.i18n.t(STATUS_KEYS[status]) }));
  }

  /** Marks everyone not yet marked; for ten seconds the toast offers to undo exactly those marks. */
  protected markAllPresent(): void {
    const lines = this.unmarked();
    if (lines.length === 0) return;
    const sessionId = this.sessionId();
    const ids = this.pending.add(
      sessionId,
      lines.map((line) => ({ personId: line.personId ?? undefined, status: AttendanceStatus.Present })),
    );
    this.feedback.tell(this.i18n.t('feedback.markAllDone', { count: lines.length }), {
      action: { label: this.i18n.t('feedback.undo'), run: () => this.takeBack(sessionId, ids) },
    });
  }

  /** Clears one person's mark: a waiting one is dropped on this device, one the server has is cleared there. */
  protected async clear(line: AttendanceLine): Promise<void> {
    const sessionId = this.sessionId();
    const waiting = this.pending.pendingFor(sessionId, line.key)?.id;
    this.expanded.set(null);
    const ok = await this.takeBackQuietly(
      sessionId,
      [waiting, line.markId].filter((id): id is string => !!id),
    );
    if (ok === true) this.feedback.tell(this.i18n.t('feedback.markCleared', { name: line.name }));
  }

  private async takeBack(sessionId: string, ids: string[]): Promise<void> {
    const ok = await this.takeBackQuietly(sessionId, ids);
    if (ok === true) this.feedback.tell(this.i18n.t('feedback.markAllUndone'));
  }

  /** True when every mark is gone; otherwise the toast has said what went wrong. */
  private async takeBackQuietly(sessionId: string, ids: string[]): Promise<boolean> {
    const onServer = await this.pending.withdraw(ids);
    const clearedAt = new Date().toISOString();
    const results = await Promise.allSettled(onServer.map((id) => this.api.clearMark(sessionId, id, clearedAt)));
    this.attendance.reload();
    // 404: the server never got that mark (a newer one on this device replaced it before sending); nothing to clear.
    const failed = results.flatMap((result) => (result.status === 'rejected' && problemOf(result.reason).status !== 404 ? [problemOf(result.reason)] : []));
    if (failed.length === 0) return true;
    const offline = failed.some((problem) => problem.status === 0);
    const replaced = failed.some((problem) => problem.code === 'markReplaced');
    const text = offline
      ? this.i18n.t('feedback.clearNeedsNetwork')
      : replaced
        ? this.i18n.t('feedback.markReplaced')
        : (failed[0].serverMessage ?? this.i18n.t('feedback.undoFailed'));
    this.feedback.tell(text, { kind: 'error' });
    return false;
  }

  protected toggle(line: AttendanceLine): void {
    this.expanded.set(this.expanded() === line.key ? null : line.key);
  }

  protected minutesFor(line: AttendanceLine): number {
    const duration = this.attendance.value()?.durationMinutes ?? 60;
    return this.partialMinutes()[line.key] ?? line.minutes ?? Math.round(duration / 2);
  }

  protected setMinutes(line: AttendanceLine, value: string): void {
    const duration = this.attendance.value()?.durationMinutes ?? 600;
    const minutes = Math.max(1, Math.min(duration, Math.round(Number(value) || 1)));
    this.partialMinutes.update((all) => ({ ...all, [line.key]: minutes }));
  }

  protected async search(): Promise<void> {
    const query = this.walkInQuery().trim();
    if (query.length < WALK_IN_QUERY_MIN_LENGTH) return;
    this.searching.set(true);
    try {
      this.candidates.set(await this.api.walkInCandidates(this.sessionId(), query));
    } catch {
      // Offline: a walk-in can still be added by name.
      this.candidates.set([]);
    } finally {
      this.searching.set(false);
    }
  }

  protected addCandidate(candidate: WalkInCandidate): void {
    this.knownNames.set(candidate.id, candidate.name);
    this.pending.add(this.sessionId(), [{ personId: candidate.id, status: AttendanceStatus.Present }]);
    this.clearWalkIn(candidate.name);
  }

  protected addByName(): void {
    const name = this.walkInQuery().trim();
    if (name === '') return;
    this.pending.add(this.sessionId(), [{ walkInName: name, status: AttendanceStatus.Present }]);
    this.clearWalkIn(name);
  }

  private clearWalkIn(name: string): void {
    this.walkInQuery.set('');
    this.candidates.set(null);
    this.feedback.announce(this.i18n.t('attendance.walkInAdded', { name }));
  }

  private lineOf(row: AttendanceRow): AttendanceLine {
    const key = row.person?.id ?? `~${(row.walkInName ?? '').toLowerCase()}`;
    const name = row.person?.name ?? row.walkInName ?? '';
    this.knownNames.set(key, name);
    return {
      key,
      personId: row.person?.id ?? null,
      name,
      employeeNumber: row.person?.employeeNumber ?? null,
      walkIn: row.walkIn,
      status: row.status,
      minutes: row.minutes,
      pending: false,
      markId: row.markId,
    };
  }
}
