import { Component, input, output, signal } from '@angular/core';
import { AttendanceStatus } from '@kunna/contracts';
import { TranslatePipe } from '../i18n/i18n';
import { AttendanceLine, LineMark, STATUS_KEYS } from './attendance-lines';

/**
 * The people of a session as big buttons: one tap marks present; "other" opens absent, excused, partial (with minutes)
 * and clearing the mark for that person.
 */
@Component({
  selector: 'k-attendance-list',
  imports: [TranslatePipe],
  templateUrl: './attendance-list.html',
  styleUrl: './attendance-list.css',
})
export class AttendanceList {
  readonly lines = input.required<AttendanceLine[]>();
  /** The session's length: the most minutes a partial attendance can have. */
  readonly durationMinutes = input<number>();
  readonly marked = output<LineMark>();
  readonly cleared = output<AttendanceLine>();
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly Status = AttendanceStatus;

  /** The person whose other choices (absent, excused, partial) are open. */
  protected readonly expanded = signal<string | null>(null);
  protected readonly partialMinutes = signal<Record<string, number>>({});

  protected mark(line: AttendanceLine, status: AttendanceStatus): void {
    const minutes = status === AttendanceStatus.Partial ? this.minutesFor(line) : null;
    this.expanded.set(null);
    this.marked.emit({ line, status, minutes });
  }

  protected clear(line: AttendanceLine): void {
    this.expanded.set(null);
    this.cleared.emit(line);
  }

  protected toggle(line: AttendanceLine): void {
    this.expanded.set(this.expanded() === line.key ? null : line.key);
  }

  protected minutesFor(line: AttendanceLine): number {
    const duration = this.durationMinutes() ?? 60;
    return this.partialMinutes()[line.key] ?? line.minutes ?? Math.round(duration / 2);
  }

  protected setMinutes(line: AttendanceLine, value: string): void {
    const duration = this.durationMinutes() ?? 600;
    const minutes = Math.max(1, Math.min(duration, Math.round(Number(value) || 1)));
    this.partialMinutes.update((all) => ({ ...all, [line.key]: minutes }));
  }
}
