import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AttendanceStatus, SessionAttendance, SessionDetail } from '@kunna/contracts';
import { remote } from '../core/remote';
import { problemKey } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { STATUS_KEYS } from './attendance-lines';
import { PendingMarks } from './pending-marks';
import { SessionsApi } from './sessions-api';

interface EntryRow {
  key: string;
  personId: string | null;
  name: string;
  employeeNumber: string;
  status: AttendanceStatus | null;
  minutes: number | null;
}

/**
 * Entering a paper attendance sheet afterwards on one screen: a row per person with the four choices, lines for the
 * walk-ins written on the paper, one save. The marks go through the same pending batch (client ids) as the tablet
 * page, so a lost answer or a second click never records anything twice.
 */
@Component({
  selector: 'k-sheet-entry',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './sheet-entry.html',
  styles: `
    .table-wrap {
      overflow-x: auto;
    }
    td.choice {
      text-align: center;
    }
    td.choice input[type='radio'] {
      width: 1.5rem;
      height: 1.5rem;
    }
    .minutes-input {
      width: 5.5rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      margin: 1rem 0;
    }
  `,
})
export class SheetEntry {
  readonly sessionId = input.required<string>();
  private readonly api = inject(SessionsApi);
  private readonly i18n = inject(I18n);
  protected readonly pending = inject(PendingMarks);
  protected readonly session = remote<string, SessionDetail>({ params: this.sessionId, load: (sessionId) => this.api.detail(sessionId) });
  protected readonly attendance = remote<string, SessionAttendance>({ params: this.sessionId, load: (sessionId) => this.api.attendance(sessionId) });
  protected readonly problemKey = problemKey;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly statuses = [AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Excused, AttendanceStatus.Partial];
  protected readonly Partial = AttendanceStatus.Partial;
  /** Choices made on this screen, by row key, until saved. */
  protected readonly choices = signal<Record<string, { status: AttendanceStatus; minutes: number | null }>>({});
  protected readonly walkIns = signal<string[]>(['', '', '']);
  protected readonly announcement = signal('');
  protected readonly pendingHere = computed(() => this.pending.forSession(this.sessionId()).length);

  protected readonly rows = computed<EntryRow[]>(() =>
    (this.attendance.value()?.rows ?? [])
      .filter((row) => row.person !== null)
      .map((row) => ({
        key: row.person?.id ?? '',
        personId: row.person?.id ?? null,
        name: row.person?.name ?? '',
        employeeNumber: row.person?.employeeNumber ?? '',
        status: row.status,
        minutes: row.minutes,
      })),
  );
  protected readonly changedCount = computed(() => Object.keys(this.choices()).length + this.walkIns().filter((name) => name.trim() !== '').length);

  constructor() {
    effect(() => {
      const confirmed = this.pending.confirmed();
      if (confirmed?.sessionId === this.sessionId()) untracked(() => this.attendance.reload());
    });
  }

  protected statusOf(row: EntryRow): AttendanceStatus | null {
    return this.choices()[row.key]?.status ?? row.status;
  }

  protected minutesOf(row: EntryRow): number {
    const duration = this.attendance.value()?.durationMinutes ?? 60;
    return this.choices()[row.key]?.minutes ?? row.minutes ?? Math.round(duration / 2);
  }

  protected choose(row: EntryRow, status: AttendanceStatus): void {
    const minutes = status === AttendanceStatus.Partial ? this.minutesOf(row) : null;
    this.choices.update((all) => ({ ...all, [row.key]: { status, minutes } }));
  }

  protected setMinutes(row: EntryRow, value: string): void {
    const duration = this.attendance.value()?.durationMinutes ?? 600;
    const minutes = Math.max(1, Math.min(duration, Math.round(Number(value) || 1)));
    this.choices.update((all) => ({ ...all, [row.key]: { status: AttendanceStatus.Partial, minutes } }));
  }

  protected setWalkIn(index: number, name: string): void {
    this.walkIns.update((all) => all.map((current, i) => (i === index ? name : current)));
  }

  protected addWalkInLine(): void {
    this.walkIns.update((all) => [...all, '']);
  }

  /** One batch with every choice made here and the walk-ins written on the paper (present). */
  protected save(): void {
    const marks = [
      ...Object.entries(this.choices()).map(([personId, choice]) => ({ personId, status: choice.status, minutes: choice.minutes })),
      ...this.walkIns()
        .map((name) => name.trim())
        .filter((name) => name !== '')
        .map((walkInName) => ({ walkInName, status: AttendanceStatus.Present })),
    ];
    if (marks.length === 0) return;
    this.pending.add(this.sessionId(), marks);
    this.choices.set({});
    this.walkIns.set(['', '', '']);
    this.announcement.set(this.i18n.t('sheetEntry.saved', { count: marks.length }));
  }
}
