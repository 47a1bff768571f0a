import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AttendanceStatus, SessionAttendance, SessionDetail, WalkInCandidate } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { remote } from '../core/remote';
import { problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { AttendanceLine, LineMark, STATUS_KEYS, attendanceLines } from './attendance-lines';
import { AttendanceList } from './attendance-list';
import { PendingMarks } from './pending-marks';
import { SeriesPanel } from './series-panel';
import { SessionCancelForm } from './session-cancel-form';
import { SessionsApi } from './sessions-api';
import { WalkInSearch } from './walk-in-search';

/**
 * Tablet-first attendance (närvaro): one tap marks a person present, "mark all present" fills the rest, walk-ins by
 * name or employee number. Works without network: marks are stored on the device, shown as waiting, and sent when the
 * network returns (see PendingMarks). Also the one screen for entering a paper sheet's marks afterwards.
 */
@Component({
  selector: 'k-attendance-page',
  imports: [TranslatePipe, RouterLink, SeriesPanel, AttendanceList, WalkInSearch, SessionCancelForm],
  templateUrl: './attendance-page.html',
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

  /** The walk-in search's last answer: a waiting walk-in found there is shown by name. */
  protected readonly candidates = signal<WalkInCandidate[] | null>(null);
  /** Names of walk-ins chosen from the search, so a pending one keeps its name while offline. */
  private readonly knownNames = new Map<string, string>();
  protected readonly lines = computed(() =>
    attendanceLines(this.attendance.value()?.rows ?? [], this.pending.forSession(this.sessionId()), this.candidates(), this.knownNames),
  );
  protected readonly unmarked = computed(() => this.lines().filter((line) => line.status === null && !line.walkIn));
  protected readonly presentCount = computed(
    () => this.lines().filter((line) => line.status === AttendanceStatus.Present || line.status === AttendanceStatus.Partial).length,
  );
  protected readonly pendingHere = computed(() => this.pending.forSession(this.sessionId()).length);

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

  protected facilitatorNames(session: SessionDetail): string {
    return session.facilitators.map((person) => person.name).join(', ');
  }

  /** A series change may have moved or cancelled this session: show it as it is now. */
  protected seriesChanged(message: string): void {
    this.session.reload();
    this.feedback.tell(message);
  }

  protected mark({ line, status, minutes }: LineMark): void {
    this.pending.add(this.sessionId(), [line.personId ? { personId: line.personId, status, minutes } : { walkInName: line.name, status, minutes }]);
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

  protected addCandidate(candidate: WalkInCandidate): void {
    this.knownNames.set(candidate.id, candidate.name);
    this.pending.add(this.sessionId(), [{ personId: candidate.id, status: AttendanceStatus.Present }]);
  }

  protected addByName(name: string): void {
    this.pending.add(this.sessionId(), [{ walkInName: name, status: AttendanceStatus.Present }]);
  }
}
