import { Component, input } from '@angular/core';
import { ControlContainer, FormsModule, NgForm } from '@angular/forms';
import { FieldError, KnowledgeItemKind } from '@kunna/contracts';
import { TranslatePipe } from '../i18n/i18n';
import { KnowledgeItemModel, LIMITS, moduleFieldError, newItem, nextOptionId } from './module-form-model';

/** The knowledge-check items: a question, its options (which are correct) and why. Edits the form model's items in place. */
@Component({
  selector: 'k-knowledge-items-fields',
  imports: [FormsModule, TranslatePipe],
  templateUrl: './knowledge-items-fields.html',
  // Its fields belong to the editor's form.
  viewProviders: [{ provide: ControlContainer, useExisting: NgForm }],
  styleUrl: './module-editor.css',
})
export class KnowledgeItemsFields {
  readonly items = input.required<KnowledgeItemModel[]>();
  /** The last save's field problems. */
  readonly problems = input<FieldError[]>([]);
  protected readonly limits = LIMITS;
  protected readonly Single = KnowledgeItemKind.Single;
  protected readonly Multiple = KnowledgeItemKind.Multiple;

  protected error(field: string): string | null {
    return moduleFieldError(this.problems(), field);
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected remove(list: unknown[], index: number): void {
    list.splice(index, 1);
  }

  protected addItem(): void {
    this.items().push(newItem());
  }

  protected addOption(item: KnowledgeItemModel): void {
    item.options.push({ id: nextOptionId(item.options), text: '', correct: false });
  }

  /** A single-answer item has exactly one correct option. */
  protected markCorrect(item: KnowledgeItemModel, optionIndex: number, on: boolean): void {
    if (item.kind === KnowledgeItemKind.Single) item.options.forEach((option, index) => (option.correct = index === optionIndex));
    else item.options[optionIndex].correct = on;
  }
}
