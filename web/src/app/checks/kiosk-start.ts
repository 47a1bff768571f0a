import { Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { problemKey, problemOf, Problem } from '../core/problem';
import { Session } from '../core/session';
import { TranslatePipe } from '../i18n/i18n';
import { ChecksApi } from './checks-api';

/**
 * Starts the locked kiosk for one round, after saying what it does: the person is signed out on this device, which
 * then shows only the round's names until their password ends it.
 */
@Component({
  selector: 'k-kiosk-start',
  imports: [TranslatePipe],
  template: `
    @if (confirming()) {
      <div class="card confirm" role="group" [attr.aria-labelledby]="'kiosk-start-' + roundId()">
        <h4 [id]="'kiosk-start-' + roundId()" #title tabindex="-1">{{ 'checks.kiosk.startTitle' | t }}</h4>
        <p>{{ 'checks.kiosk.startIntro' | t }}</p>
        @if (problem(); as p) {
          <p class="error" role="alert">{{ p.serverMessage ?? (problemKey(p) | t) }}</p>
        }
        <div class="actions">
          <button type="button" [disabled]="busy()" (click)="start()">{{ 'checks.kiosk.startConfirm' | t }}</button>
          <button type="button" class="secondary" [disabled]="busy()" (click)="confirming.set(false)">{{ 'common.cancel' | t }}</button>
        </div>
      </div>
    } @else {
      <button type="button" class="secondary" (click)="ask()">{{ 'checks.page.kiosk' | t }}</button>
    }
  `,
  styles: `
    .confirm {
      margin-top: 0.5rem;
    }
    h4 {
      margin: 0 0 0.5rem;
    }
  `,
})
export class KioskStart {
  readonly roundId = input.required<string>();
  private readonly api = inject(ChecksApi);
  private readonly session = inject(Session);
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly problemKey = problemKey;
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');

  protected ask(): void {
    this.problem.set(null);
    this.confirming.set(true);
    setTimeout(() => this.title()?.nativeElement.focus(), 0);
  }

  protected async start(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.session.enterKiosk(await this.api.startKioskCredential(this.roundId()));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
