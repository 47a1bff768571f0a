import { Component, ElementRef, computed, effect, inject, input, signal, viewChild, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink, TitleStrategy } from '@angular/router';
import { CompetenceDimension, DigCompArea, KnowledgeItemKind, ModuleAttachment, ModuleDetail, ModuleTargetGroup, Ownership } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { DIMENSIONS, FORMATS, TARGET_GROUPS, dimensionKey, formatKey, ownershipKey, targetGroupKey } from './library-labels';
import { LIMITS, ModuleFormModel, contentFromModel, emptyModel, modelFromVersion, newItem, nextOptionId } from './module-form-model';

/**
 * Creates a module or edits its draft: save the draft as often as needed, then publish it as a new,
 * immutable version with a note on what changed. Attachments go on the draft.
 */
@Component({
  selector: 'k-module-editor',
  imports: [FormsModule, TranslatePipe, RouterLink],
  templateUrl: './module-editor.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './library.css',
})
export class ModuleEditor {
  /** Absent when creating a new module. */
  readonly moduleId = input<string>();
  private readonly library = inject(LibraryApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly confirmDialog = inject(ConfirmDialog);
  private readonly titles = inject(TitleStrategy) as KunnaTitleStrategy;
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly dimensionKey = dimensionKey;
  protected readonly formatKey = formatKey;
  protected readonly targetGroupKey = targetGroupKey;
  protected readonly ownershipKey = ownershipKey;
  protected readonly dimensions = DIMENSIONS;
  protected readonly formats = FORMATS;
  protected readonly targetGroups = TARGET_GROUPS;
  protected readonly limits = LIMITS;
  protected readonly Single = KnowledgeItemKind.Single;
  protected readonly Multiple = KnowledgeItemKind.Multiple;

  /** The module being edited; the form is filled from its draft (or published version) once per module. */
  protected readonly detail = remote<string, ModuleDetail>({
    params: () => this.moduleId() || undefined,
    load: async (moduleId) => {
      const detail = await this.library.module(moduleId);
      this.fill(moduleId, detail);
      return detail;
    },
  });
  protected readonly digComp = remoteOnce<DigCompArea[]>(() => this.library.digComp());
  /** The module the form was filled for: reloads after attachment changes keep what is being typed. */
  private filledFor: string | null = null;
  protected model: ModuleFormModel = emptyModel();
  /** Bumped after the model is replaced, so the template re-renders. */
  protected readonly revision = signal(0);
  protected ownership: Ownership = Ownership.Organisation;
  protected changeNote = '';
  protected attachmentTitle = '';
  private attachmentFile: File | null = null;

  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal(false);
  protected readonly attachmentProblem = signal<Problem | null>(null);
  private readonly status = viewChild<ElementRef<HTMLElement>>('status');

  /** Which owners the caller may create for: coordinators the network, HR and administrators their organisation. */
  protected readonly ownerChoices = computed(() => {
    const choices: Ownership[] = [];
    if (this.permissions.isCoordinator()) choices.push(Ownership.Network);
    if (this.permissions.organisationWide()) choices.push(Ownership.Organisation);
    return choices;
  });
  protected readonly attachments = computed<ModuleAttachment[]>(() => this.detail.value()?.draft?.attachments ?? []);
  protected readonly fieldProblems = computed(() => this.problem()?.fields ?? []);

  constructor() {
    // A new module starts empty, owned by the first owner the caller may create for (known once the session is).
    effect(() => {
      if (this.moduleId()) return;
      this.filledFor = null;
      this.model = emptyModel();
      this.ownership = this.ownerChoices()[0] ?? Ownership.Organisation;
      this.revision.update((n) => n + 1);
    });
    effect(() => this.titles.setDetail(this.detail.value()?.module.title ?? null));
  }

  private fill(moduleId: string, detail: ModuleDetail): void {
    if (this.filledFor === moduleId) return;
    this.filledFor = moduleId;
    const version = detail.draft ?? detail.published;
    if (version) this.model = modelFromVersion(version);
    this.ownership = detail.module.ownership;
    this.revision.update((n) => n + 1);
  }

  protected areaName(area: DigCompArea): string {
    return this.i18n.language() === 'en' ? area.nameEn : area.nameSv;
  }

  protected competenceName(competence: { nameSv: string; nameEn: string }): string {
    return this.i18n.language() === 'en' ? competence.nameEn : competence.nameSv;
  }

  /** The server's message for a field, with or without the `content.` prefix of "create". */
  protected error(field: string): string | null {
    return this.fieldProblems().find((entry) => entry.field === field || entry.field === `content.${field}`)?.message ?? null;
  }

  protected toggle<T>(list: T[], value: T, on: boolean): void {
    const index = list.indexOf(value);
    if (on && index < 0) list.push(value);
    if (!on && index >= 0) list.splice(index, 1);
  }

  protected hasDimension(value: CompetenceDimension): boolean {
    return this.model.competenceDimensions.includes(value);
  }

  protected hasTargetGroup(value: ModuleTargetGroup): boolean {
    return this.model.targetGroups.includes(value);
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected add(list: unknown[], row: unknown): void {
    list.push(row);
  }

  protected remove(list: unknown[], index: number): void {
    list.splice(index, 1);
  }

  protected addGoal(): void {
    this.model.goals.push({ text: '' });
  }

  protected addGlossary(): void {
    this.model.glossary.push({ term: '', explanation: '' });
  }

  protected addExercise(): void {
    this.model.exercises.push({ title: '', scenario: '', tasks: '' });
  }

  protected addLink(): void {
    this.model.links.push({ title: '', url: 'https://' });
  }

  protected addItem(): void {
    this.model.items.push(newItem());
  }

  protected addOption(itemIndex: number): void {
    const item = this.model.items[itemIndex];
    item.options.push({ id: nextOptionId(item.options), text: '', correct: false });
  }

  /** A single-answer item has exactly one correct option. */
  protected markCorrect(itemIndex: number, optionIndex: number, on: boolean): void {
    const item = this.model.items[itemIndex];
    if (item.kind === KnowledgeItemKind.Single) item.options.forEach((option, index) => (option.correct = index === optionIndex));
    else item.options[optionIndex].correct = on;
  }

  /** Saves the draft (or creates the module); true when it worked. */
  protected async save(): Promise<boolean> {
    this.busy.set(true);
    this.problem.set(null);
    this.saved.set(false);
    try {
      const content = contentFromModel(this.model);
      const moduleId = this.moduleId();
      if (!moduleId) {
        const created = await this.library.create({ ownership: this.ownership, content });
        await this.router.navigate(['/bibliotek/moduler', created.module.id, 'redigera'], { replaceUrl: true, state: { created: true } });
        return true;
      }
      const detail = await this.library.saveDraft(moduleId, content);
      this.detail.set(detail);
      this.saved.set(true);
      return true;
    } catch (error) {
      this.problem.set(problemOf(error));
      return false;
    } finally {
      this.busy.set(false);
      this.status()?.nativeElement.focus();
    }
  }

  /** Saves what is on the screen, then publishes it as the next version. */
  protected async publish(): Promise<void> {
    const moduleId = this.moduleId();
    if (!moduleId || !(await this.save())) return;
    this.busy.set(true);
    try {
      const detail = await this.library.publish(moduleId, this.changeNote.trim() || null);
      await this.router.navigate(['/bibliotek/moduler', moduleId], { state: { published: detail.published?.versionNumber ?? null } });
    } catch (error) {
      this.saved.set(false);
      this.problem.set(problemOf(error));
      this.status()?.nativeElement.focus();
    } finally {
      this.busy.set(false);
    }
  }

  protected async discard(): Promise<void> {
    const moduleId = this.moduleId();
    if (!moduleId) return;
    const sure = await this.confirmDialog.ask({ title: this.i18n.t('editor.discardConfirm'), confirm: this.i18n.t('editor.discardYes'), destructive: true });
    if (!sure) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const neverPublished = !this.detail.value()?.published;
      await this.library.discardDraft(moduleId);
      await this.router.navigate(neverPublished ? ['/bibliotek'] : ['/bibliotek/moduler', moduleId]);
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected chooseFile(event: Event): void {
    this.attachmentFile = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  protected async upload(fileInput: HTMLInputElement): Promise<void> {
    const moduleId = this.moduleId();
    if (!moduleId) return;
    this.attachmentProblem.set(null);
    if (!this.attachmentFile) {
      this.attachmentProblem.set({ status: 400, serverMessage: this.i18n.t('editor.attachments.chooseFile'), code: null, fields: [], retryAfterSeconds: null });
      return;
    }
    if (this.attachmentFile.size > LIMITS.attachmentMaxBytes) {
      this.attachmentProblem.set({ status: 413, serverMessage: this.i18n.t('editor.attachments.tooLarge'), code: null, fields: [], retryAfterSeconds: null });
      return;
    }
    this.busy.set(true);
    try {
      // The draft must exist before a file can join it: save what is on the screen first.
      if (!this.detail.value()?.draft && !(await this.save())) return;
      await this.library.addAttachment(moduleId, this.attachmentFile, this.attachmentTitle);
      this.attachmentFile = null;
      this.attachmentTitle = '';
      fileInput.value = '';
      this.detail.reload();
    } catch (error) {
      this.attachmentProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async removeAttachment(attachment: ModuleAttachment): Promise<void> {
    const moduleId = this.moduleId();
    if (!moduleId) return;
    this.busy.set(true);
    this.attachmentProblem.set(null);
    try {
      await this.library.removeAttachment(moduleId, attachment.id);
      this.detail.reload();
    } catch (error) {
      this.attachmentProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected createdJustNow(): boolean {
    return (this.router.lastSuccessfulNavigation()?.extras.state as { created?: boolean } | undefined)?.created === true;
  }
}
