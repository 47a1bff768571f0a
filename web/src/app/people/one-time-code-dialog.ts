import { Component, ElementRef, effect, inject, input, output, viewChild, ChangeDetectionStrategy } from '@angular/core';
import { OneTimeCredential } from '@kunna/contracts';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { Session } from '../core/session';

/**
 * Shows a one-time sign-in code once, in a modal dialog, with a slip to print and hand over.
 * The code is not kept anywhere after the dialog closes.
 */
@Component({
  selector: 'k-one-time-code-dialog',
  imports: [TranslatePipe, DateFormatPipe],
  templateUrl: './one-time-code-dialog.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './one-time-code-dialog.css',
})
export class OneTimeCodeDialog {
  readonly credential = input<OneTimeCredential | null>(null);
  readonly personName = input.required<string>();
  /** How the person signs in afterwards (no e-mail: employee number and organisation). */
  readonly employeeNumber = input<string | null>(null);
  readonly closed = output<void>();
  protected readonly session = inject(Session);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const element = this.dialog().nativeElement;
      if (this.credential() && !element.open) element.showModal();
      if (!this.credential() && element.open) element.close();
    });
  }

  protected print(): void {
    window.print();
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }
}
