import { Component, effect, inject, input, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionAttendance, SessionDetail } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { problemKey } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { SessionsApi } from './sessions-api';

/**
 * A printable attendance sheet (print stylesheet: only the sheet is printed) for places without a tablet: the invited
 * people with boxes to tick, and empty lines for walk-ins. Its marks are entered afterwards on the attendance page.
 */
@Component({
  selector: 'k-attendance-sheet',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './attendance-sheet.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './attendance-sheet.css',
})
export class AttendanceSheet {
  readonly sessionId = input.required<string>();
  private readonly api = inject(SessionsApi);
  protected readonly session = new Loader<SessionDetail>();
  protected readonly attendance = new Loader<SessionAttendance>();
  protected readonly problemKey = problemKey;
  protected readonly blankLines = [1, 2, 3, 4, 5, 6];

  constructor() {
    effect(() => {
      const sessionId = this.sessionId();
      void this.session.run(() => this.api.detail(sessionId));
      void this.attendance.run(() => this.api.attendance(sessionId));
    });
  }

  protected print(): void {
    window.print();
  }
}
