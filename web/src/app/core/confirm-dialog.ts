import { Dialog, DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { Component, Injectable, ViewEncapsulation, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../i18n/i18n';

export interface ConfirmRequest {
  title: string;
  /** What will happen, in a sentence or two. */
  text?: string;
  /** The label of the button that goes ahead (names the action: "Ta bort målet"). */
  confirm: string;
  /** A destructive action: the button is red and Cancel gets the focus, so Enter does not destroy. */
  destructive?: boolean;
}

let nextId = 0;

/**
 * The one confirmation dialog: "are you sure?" before an action that destroys or cannot be taken back. A CDK dialog
 * (role alertdialog, focus trapped inside, Escape and the backdrop cancel, focus returns to the button that opened it).
 */
@Injectable({ providedIn: 'root' })
export class ConfirmDialog {
  private readonly dialog = inject(Dialog);

  /** True when the person chose to go ahead. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    const id = `confirm-${++nextId}`;
    const ref = this.dialog.open<boolean, ConfirmData>(ConfirmDialogView, {
      data: { ...request, id },
      role: 'alertdialog',
      ariaModal: true,
      ariaLabelledBy: `${id}-title`,
      ariaDescribedBy: request.text ? `${id}-text` : null,
      autoFocus: request.destructive ? `#${id}-cancel` : `#${id}-confirm`,
      restoreFocus: true,
      panelClass: 'k-dialog-pane',
      backdropClass: 'cdk-overlay-dark-backdrop',
    });
    return (await firstValueFrom(ref.closed)) === true;
  }
}

interface ConfirmData extends ConfirmRequest {
  id: string;
}

@Component({
  selector: 'k-confirm-dialog',
  imports: [TranslatePipe],
  // Unscoped: the pane class sits on the CDK overlay outside this component.
  encapsulation: ViewEncapsulation.None,
  styles: `
    .k-dialog-pane {
      width: min(30rem, calc(100vw - 1rem));
    }
    .k-dialog {
      background: var(--surface);
      color: var(--text);
      border-radius: 10px;
      padding: 1rem 1.25rem;
      box-shadow: 0 8px 32px rgb(0 0 0 / 35%);
    }
    .k-dialog h2 {
      margin-top: 0.25rem;
    }
    .k-dialog .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
  template: `
    <div class="k-dialog">
      <h2 [id]="data.id + '-title'">{{ data.title }}</h2>
      @if (data.text) {
        <p [id]="data.id + '-text'">{{ data.text }}</p>
      }
      <div class="actions">
        <button type="button" [id]="data.id + '-confirm'" [class.danger]="data.destructive" (click)="ref.close(true)">{{ data.confirm }}</button>
        <button type="button" [id]="data.id + '-cancel'" class="secondary" (click)="ref.close(false)">{{ 'common.cancel' | t }}</button>
      </div>
    </div>
  `,
})
export class ConfirmDialogView {
  protected readonly data = inject<ConfirmData>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<boolean>>(DialogRef);
}
