import { Component, ElementRef, computed, effect, inject, input, signal, viewChild, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink, TitleStrategy } from '@angular/router';
import { DigCompArea, ModuleDetail, Ownership } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { KnowledgeItemsFields } from './knowledge-items-fields';
import { LibraryApi } from './library-api';
import { ownershipKey } from './library-labels';
import { ModuleAttachments } from './module-attachments';
import { ModuleDescriptionFields } from './module-description-fields';
import { ModuleFormModel, contentFromModel, emptyModel, modelFromVersion } from './module-form-model';
import { ModuleMaterialFields } from './module-material-fields';
import { ModulePublishPanel } from './module-publish-panel';

/**
 * Creates a module or edits its draft: save the draft as often as needed, then publish it as a new,
 * immutable version with a note on what changed. Attachments go on the draft.
 */
@Component({
  selector: 'k-module-editor',
  imports: [FormsModule, TranslatePipe, RouterLink, ModuleDescriptionFields, ModuleMaterialFields, KnowledgeItemsFields, ModuleAttachments, ModulePublishPanel],
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
  protected readonly ownershipKey = ownershipKey;

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
  /** Edited in place by the form's sections; replaced (with `revision` bumped) when filled. */
  protected model: ModuleFormModel = emptyModel();
  /** Bumped after the model is replaced, so the template re-renders. */
  protected readonly revision = signal(0);
  protected ownership: Ownership = Ownership.Organisation;

  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal(false);
  private readonly status = viewChild<ElementRef<HTMLElement>>('status');

  /** Which owners the caller may create for: coordinators the network, HR and administrators their organisation. */
  protected readonly ownerChoices = computed(() => {
    const choices: Ownership[] = [];
    if (this.permissions.isCoordinator()) choices.push(Ownership.Network);
    if (this.permissions.organisationWide()) choices.push(Ownership.Organisation);
    return choices;
  });
  protected readonly fieldProblems = computed(() => this.problem()?.fields ?? []);
  /** For the attachments: a file can only join a draft, so what is on the screen is saved first. */
  protected readonly saveDraft = () => this.save();

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
  protected async publish(changeNote: string): Promise<void> {
    const moduleId = this.moduleId();
    if (!moduleId || !(await this.save())) return;
    this.busy.set(true);
    try {
      const detail = await this.library.publish(moduleId, changeNote.trim() || null);
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

  protected createdJustNow(): boolean {
    return (this.router.lastSuccessfulNavigation()?.extras.state as { created?: boolean } | undefined)?.created === true;
  }
}
