import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink, TitleStrategy } from '@angular/router';
import { DigCompArea, ModuleDetail, Ownership } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { Feedback } from '../core/feedback';
import { remote, remoteOnce } from '../core/remote';
import { Problem, problemKey, problemOf } from '../core/problem';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { ownershipKey } from './library-labels';
import { ModuleContent } from './module-content';

/**
 * A module: its latest published version (readable on a tablet during a session), its version history,
 * its source for an adapted copy (and whether the source has a newer version), and the editor's and
 * adapter's actions.
 */
@Component({
  selector: 'k-module-page',
  imports: [TranslatePipe, RouterLink, DateFormatPipe, ModuleContent],
  templateUrl: './module-page.html',
  styleUrl: './library.css',
})
export class ModulePage {
  readonly moduleId = input.required<string>();
  private readonly library = inject(LibraryApi);
  private readonly router = inject(Router);
  private readonly titles = inject(TitleStrategy) as KunnaTitleStrategy;
  private readonly i18n = inject(I18n);
  private readonly confirmDialog = inject(ConfirmDialog);
  private readonly feedback = inject(Feedback);
  protected readonly detail = remote<string, ModuleDetail>({ params: this.moduleId, load: (moduleId) => this.library.module(moduleId) });
  protected readonly digComp = remoteOnce<DigCompArea[]>(() => this.library.digComp());
  protected readonly problemKey = problemKey;
  protected readonly ownershipKey = ownershipKey;
  protected readonly Network = Ownership.Network;

  protected readonly busy = signal(false);
  protected readonly actionProblem = signal<Problem | null>(null);
  protected readonly notice = signal<'archived' | 'restored' | null>(null);

  /** What to read: the published version, or the draft before the first publication (editors only). */
  protected readonly shown = computed(() => {
    const detail = this.detail.value();
    return detail ? (detail.published ?? detail.draft) : null;
  });

  constructor() {
    // Another module (a link from this one) starts without the last one's notice or problem.
    effect(() => {
      this.moduleId();
      untracked(() => {
        this.notice.set(null);
        this.actionProblem.set(null);
      });
    });
    effect(() => this.titles.setDetail(this.detail.value()?.module.title ?? null));
  }

  /** Makes the organisation's own copy and opens it. */
  protected async adapt(): Promise<void> {
    await this.act(async () => {
      const copy = await this.library.adapt(this.moduleId());
      await this.router.navigate(['/bibliotek/moduler', copy.module.id], { state: { adapted: true } });
    });
  }

  /** Replaces (or starts) the copy's draft with the source's latest version, then opens the editor. */
  protected async takeSourceVersion(): Promise<void> {
    await this.act(async () => {
      await this.library.draftFromSource(this.moduleId());
      await this.router.navigate(['/bibliotek/moduler', this.moduleId(), 'redigera']);
    });
  }

  /** After a confirmation, proposes the published version to the network; the answer shows here and in a toast. */
  protected async propose(): Promise<void> {
    const detail = this.detail.value();
    if (!detail?.published) return;
    const sure = await this.confirmDialog.ask({
      title: this.i18n.t('module.proposal.confirm', { title: detail.module.title }),
      text: this.i18n.t('module.proposal.confirmText', { n: detail.published.versionNumber }),
      confirm: this.i18n.t('module.proposal.confirmYes'),
    });
    if (!sure) return;
    await this.act(async () => {
      const proposal = await this.library.propose(this.moduleId());
      this.detail.set({ ...detail, proposal });
      this.feedback.tell(this.i18n.t('module.proposal.done'));
    });
  }

  protected async setArchived(archived: boolean): Promise<void> {
    await this.act(async () => {
      const detail = await this.library.setArchived(this.moduleId(), archived);
      this.detail.set(detail);
      this.notice.set(archived ? 'archived' : 'restored');
    });
  }

  /** What the previous page just did (adapted, or published version N), to confirm it here. */
  protected justDone(): { adapted?: boolean; published?: number | null } {
    return (this.router.lastSuccessfulNavigation()?.extras.state as { adapted?: boolean; published?: number | null } | undefined) ?? {};
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.actionProblem.set(null);
    try {
      await action();
    } catch (error) {
      this.actionProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
