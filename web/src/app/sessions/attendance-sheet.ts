import { Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionAttendance, SessionDetail } from '@kunna/contracts';
import { remote } from '../core/remote';
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
  styleUrl: './attendance-sheet.css',
})
export class AttendanceSheet {
  readonly sessionId = input.required<string>();
  private readonly api = inject(SessionsApi);
  protected readonly session = remote<string, SessionDetail>({ params: this.sessionId, load: (sessionId) => this.api.detail(sessionId) });
  protected readonly attendance = remote<string, SessionAttendance>({ params: this.sessionId, load: (sessionId) => this.api.attendance(sessionId) });
  protected readonly problemKey = problemKey;
  protected readonly blankLines = [1, 2, 3, 4, 5, 6];

  protected print(): void {
    window.print();
  }
}
