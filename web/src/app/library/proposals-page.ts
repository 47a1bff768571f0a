import { Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { LIBRARY_LIMITS, ModuleProposal } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { Feedback } from '../core/feedback';
import { remoteOnce } from '../core/remote';
import { Problem, problemKey, problemOf } from '../core/problem';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';

/**
 * The network coordinator's pending proposals: modules the network's organisations offer to the shared library.
 * Accepting (after a confirmation) makes a shared copy; declining asks for a reason the organisation will read.
 */
@Component({
  selector: 'k-proposals-page',
  imports: [TranslatePipe, RouterLink, DateFormatPipe],
  styleUrl: './library.css',
  template: `
    <p class="breadcrumb">
      <a routerLink="/bibliotek">{{ 'library.title' | t }}</a> › {{ 'proposals.title' | t }}
    </p>
    <h1>{{ 'proposals.title' | t }}</h1>
    <p class="lead">{{ 'proposals.intro' | t }}</p>
    @if (problem(); as problem) {
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    }
    @if (proposals.value(); as list) {
      <ul class="plain module-cards" data-testid="proposals">
        @for (proposal of list; track proposal.id) {
          <li class="card">
            <h2 class="card-title">{{ proposal.title }}</h2>
            <p>{{ 'proposals.from' | t: { organisation: proposal.organisationName } }}</p>
            <p class="small">
              {{ 'proposals.proposedAt' | t }} {{ proposal.proposedAt | kDate }}
              @if (proposal.proposedByName) {
                · {{ 'proposals.proposedBy' | t }} {{ proposal.proposedByName }}
              }
            </p>
            @if (proposal.note) {
              <p>
                <strong>{{ 'proposals.note' | t }}:</strong> {{ proposal.note }}
              </p>
            }
            <p>
              <a [routerLink]="['/bibliotek/versioner', proposal.versionId]">{{ 'proposals.read' | t: { n: proposal.versionNumber } }}</a>
            </p>
            @if (declining() === proposal.id) {
              <form (submit)="decline($event, proposal)">
                <div class="field">
                  <label [for]="'decline-' + proposal.id">{{ 'proposals.declineReason' | t }}</label>
                  <textarea
                    [id]="'decline-' + proposal.id"
                    rows="3"
                    required
                    [attr.maxlength]="reasonMax"
                    [attr.aria-describedby]="'decline-hint-' + proposal.id"
                    [value]="reason()"
                    (input)="reason.set(value($event))"
                  ></textarea>
                  <p class="hint" [id]="'decline-hint-' + proposal.id">{{ 'proposals.declineReasonHint' | t: { organisation: proposal.organisationName } }}</p>
                </div>
                <div class="actions">
                  <button type="submit" class="danger" [disabled]="busy() || !reason().trim()">{{ 'proposals.declineYes' | t }}</button>
                  <button type="button" class="secondary" (click)="declining.set(null)">{{ 'common.cancel' | t }}</button>
                </div>
              </form>
            } @else {
              <div class="actions">
                <button type="button" [disabled]="busy()" (click)="accept(proposal)">{{ 'proposals.accept' | t }}</button>
                <button type="button" class="secondary" [disabled]="busy()" (click)="startDecline(proposal)">{{ 'proposals.decline' | t }}</button>
              </div>
            }
          </li>
        } @empty {
          <li>
            <p>{{ 'proposals.none' | t }}</p>
          </li>
        }
      </ul>
    } @else if (proposals.loading()) {
      <p role="status">{{ 'app.loading' | t }}</p>
    } @else if (proposals.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    }
  `,
})
export class ProposalsPage {
  private readonly library = inject(LibraryApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly confirmDialog = inject(ConfirmDialog);
  private readonly feedback = inject(Feedback);
  protected readonly proposals = remoteOnce<ModuleProposal[]>(() => this.library.proposals());
  protected readonly problemKey = problemKey;
  protected readonly reasonMax = LIBRARY_LIMITS.proposalTextMax;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  /** The proposal whose decline form is open. */
  protected readonly declining = signal<string | null>(null);
  protected readonly reason = signal('');

  protected async accept(proposal: ModuleProposal): Promise<void> {
    const sure = await this.confirmDialog.ask({
      title: this.i18n.t('proposals.acceptConfirm', { title: proposal.title }),
      text: this.i18n.t('proposals.acceptText', { n: proposal.versionNumber, organisation: proposal.organisationName }),
      confirm: this.i18n.t('proposals.acceptYes'),
    });
    if (!sure) return;
    await this.act(proposal, async () => {
      const accepted = await this.library.acceptProposal(proposal.id);
      const shared = accepted.sharedModuleId;
      this.feedback.tell(this.i18n.t('proposals.accepted', { title: proposal.title }), {
        action: shared ? { label: this.i18n.t('proposals.openShared'), run: () => this.openShared(shared) } : undefined,
      });
    });
  }

  protected startDecline(proposal: ModuleProposal): void {
    this.reason.set('');
    this.declining.set(proposal.id);
  }

  protected async decline(event: Event, proposal: ModuleProposal): Promise<void> {
    event.preventDefault();
    const reason = this.reason().trim();
    if (!reason) return;
    await this.act(proposal, async () => {
      await this.library.declineProposal(proposal.id, reason);
      this.declining.set(null);
      this.feedback.tell(this.i18n.t('proposals.declined', { title: proposal.title }));
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  private async openShared(moduleId: string): Promise<void> {
    await this.router.navigate(['/bibliotek/moduler', moduleId]);
  }

  /** Runs a decision; the decided proposal leaves the list. */
  private async act(proposal: ModuleProposal, decide: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await decide();
      this.proposals.update((list) => (list ?? []).filter((item) => item.id !== proposal.id));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
