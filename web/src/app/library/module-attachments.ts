import { Component, inject, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ModuleAttachment } from '@kunna/contracts';
import { Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { LIMITS } from './module-form-model';

/** The draft's attachments: the list with a remove button each, and a file with a title to add. */
@Component({
  selector: 'k-module-attachments',
  imports: [FormsModule, TranslatePipe],
  templateUrl: './module-attachments.html',
  styleUrl: './module-editor.css',
})
export class ModuleAttachments {
  readonly moduleId = input.required<string>();
  readonly attachments = input.required<ModuleAttachment[]>();
  readonly hasDraft = input(false);
  /** Saves what is on the screen as the draft (a file can only join a draft); true when it worked. */
  readonly saveDraft = input.required<() => Promise<boolean>>();
  /** Shared with the editor: one call at a time. */
  readonly busy = model.required<boolean>();
  /** An attachment was added or removed: the module is read again. */
  readonly changed = output();
  private readonly library = inject(LibraryApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly limits = LIMITS;
  protected readonly title = signal('');
  private file: File | null = null;
  protected readonly problem = signal<Problem | null>(null);

  protected chooseFile(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  protected async upload(fileInput: HTMLInputElement): Promise<void> {
    this.problem.set(null);
    if (!this.file) {
      this.problem.set({ status: 400, serverMessage: this.i18n.t('editor.attachments.chooseFile'), code: null, fields: [], retryAfterSeconds: null });
      return;
    }
    if (this.file.size > LIMITS.attachmentMaxBytes) {
      this.problem.set({ status: 413, serverMessage: this.i18n.t('editor.attachments.tooLarge'), code: null, fields: [], retryAfterSeconds: null });
      return;
    }
    this.busy.set(true);
    try {
      if (!this.hasDraft() && !(await this.saveDraft()())) return;
      await this.library.addAttachment(this.moduleId(), this.file, this.title());
      this.file = null;
      this.title.set('');
      fileInput.value = '';
      this.changed.emit();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(attachment: ModuleAttachment): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.library.removeAttachment(this.moduleId(), attachment.id);
      this.changed.emit();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
