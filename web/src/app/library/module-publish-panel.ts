import { Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '../i18n/i18n';
import { LIMITS } from './module-form-model';

/** Publishing the draft as the next version, with a note on what changed; or throwing the draft away. */
@Component({
  selector: 'k-module-publish-panel',
  imports: [FormsModule, TranslatePipe],
  template: `
    <section aria-labelledby="ed-publish" class="panel">
      <h2 id="ed-publish">{{ 'editor.publish.title' | t }}</h2>
      <p>{{ 'editor.publish.explain' | t }}</p>
      <div class="field">
        <label for="ed-note">{{ 'editor.publish.note' | t }}</label>
        <textarea
          id="ed-note"
          rows="2"
          [ngModel]="changeNote()"
          (ngModelChange)="changeNote.set($event)"
          [ngModelOptions]="{ standalone: true }"
          [maxlength]="limits.changeNoteMax"
          aria-describedby="ed-note-hint"
        ></textarea>
        <p id="ed-note-hint" class="hint">{{ 'editor.publish.noteHint' | t }}</p>
      </div>
      <div class="actions">
        <button type="button" [disabled]="busy()" (click)="publish.emit(changeNote())">{{ 'editor.publish.submit' | t }}</button>
        @if (hasDraft()) {
          <button type="button" class="secondary" [disabled]="busy()" (click)="discard.emit()">{{ 'editor.discard' | t }}</button>
        }
      </div>
    </section>
  `,
})
export class ModulePublishPanel {
  readonly busy = input(false);
  readonly hasDraft = input(false);
  /** Publish what is on the screen, with this change note. */
  readonly publish = output<string>();
  readonly discard = output();
  protected readonly limits = LIMITS;
  protected readonly changeNote = signal('');
}
