import { Dialog, DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { Component, Injectable, inject } from '@angular/core';
import { OneTimeCredential } from '@kunna/contracts';
import { firstValueFrom } from 'rxjs';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { Session } from '../core/session';

export interface OneTimeCodeSlipData {
  credential: OneTimeCredential;
  personName: string;
  /** How the person signs in afterwards (no e-mail: employee number and organisation). */
  employeeNumber: string | null;
}

/**
 * Shows a one-time sign-in code once, in a modal dialog (CDK: focus kept inside, Escape closes, focus returns to the
 * button that asked for it), with a slip to print and hand over. The code lives only in the dialog: gone when it closes.
 */
@Injectable({ providedIn: 'root' })
export class OneTimeCodeSlip {
  private readonly dialog = inject(Dialog);

  /** Resolves when the dialog is closed. */
  async show(data: OneTimeCodeSlipData): Promise<void> {
    const ref = this.dialog.open<void, OneTimeCodeSlipData>(OneTimeCodeDialog, {
      data,
      ariaLabelledBy: 'code-dialog-title',
      ariaModal: true,
      autoFocus: 'first-heading',
      restoreFocus: true,
      backdropClass: 'cdk-overlay-dark-backdrop',
    });
    await firstValueFrom(ref.closed);
  }
}

@Component({
  selector: 'k-one-time-code-dialog',
  imports: [TranslatePipe, DateFormatPipe],
  templateUrl: './one-time-code-dialog.html',
  styleUrl: './one-time-code-dialog.css',
})
export class OneTimeCodeDialog {
  protected readonly data = inject<OneTimeCodeSlipData>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<void>>(DialogRef);
  protected readonly session = inject(Session);

  protected print(): void {
    window.print();
  }
}
