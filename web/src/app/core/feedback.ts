import { LiveAnnouncer } from '@angular/cdk/a11y';
import { createGlobalPositionStrategy, createOverlayRef, OverlayRef } from '@angular/cdk/overlay';
import { ComponentPortal } from '@angular/cdk/portal';
import { Component, ElementRef, Injectable, Injector, ViewEncapsulation, afterNextRender, afterRenderEffect, inject, signal, viewChild } from '@angular/core';
import { TranslatePipe } from '../i18n/i18n';

/** What a toast offers besides its message: one action (e.g. "Ångra") that runs at most once. */
export interface FeedbackAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface FeedbackMessage {
  id: number;
  text: string;
  kind: 'ok' | 'error' | 'info';
  action: FeedbackAction | null;
}

export interface FeedbackOptions {
  kind?: FeedbackMessage['kind'];
  action?: FeedbackAction;
  /** How long the toast stays; default 6 s, 10 s for an error or with an action (the time to undo). */
  durationMs?: number;
}

const PLAIN_MS = 6_000;
const LONG_MS = 10_000;

/**
 * The one way pages confirm what just happened: a visible toast at the bottom of the screen (a CDK overlay, so no page
 * needs a place for it) and the same words through the CDK LiveAnnouncer for screen readers. A toast may carry one
 * action, for undo: it runs once, and the toast closes with it or after its time. A toast with an action takes the
 * focus (else a keyboard user would find "Ångra" only after the whole page) and gives it back to where it was when it
 * closes; Escape closes it. A toast without an action leaves the focus alone.
 */
@Injectable({ providedIn: 'root' })
export class Feedback {
  private readonly injector = inject(Injector);
  private readonly announcer = inject(LiveAnnouncer);
  private overlay: OverlayRef | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  /** Where the focus was before a toast with an action took it. */
  private focusBefore: HTMLElement | null = null;
  /** The toast shown now, if any (read by the toast component). */
  readonly current = signal<FeedbackMessage | null>(null);

  /** Shows and announces `text`; an error is announced assertively. */
  tell(text: string, options: FeedbackOptions = {}): FeedbackMessage {
    const message: FeedbackMessage = { id: this.nextId++, text, kind: options.kind ?? 'ok', action: options.action ?? null };
    // A toast replacing one that holds the focus keeps the place the first one came from, or gives the focus back.
    if (!message.action) this.returnFocus();
    else if (!this.holdsFocus()) this.focusBefore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.current.set(message);
    this.attach();
    const spoken = message.action ? `${text} ${message.action.label}?` : text;
    void this.announcer.announce(spoken, message.kind === 'error' ? 'assertive' : 'polite');
    if (this.timer) clearTimeout(this.timer);
    const long = message.action !== null || message.kind === 'error';
    this.timer = setTimeout(() => this.dismiss(message.id), options.durationMs ?? (long ? LONG_MS : PLAIN_MS));
    return message;
  }

  /** Only speaks `text` (no toast): for small, frequent steps such as one tap on a name. */
  announce(text: string): void {
    void this.announcer.announce(text, 'polite');
  }

  /** Closes the toast `id` (or whatever is shown); its action can no longer run. */
  dismiss(id?: number): void {
    if (id !== undefined && this.current()?.id !== id) return;
    this.returnFocus();
    this.current.set(null);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Only while the focus is still in the toast: a user who moved on keeps their place. */
  private returnFocus(): void {
    if (this.holdsFocus() && this.focusBefore?.isConnected) this.focusBefore.focus();
    this.focusBefore = null;
  }

  private holdsFocus(): boolean {
    return !!this.overlay?.hasAttached() && this.overlay.overlayElement.contains(document.activeElement);
  }

  /** Runs the shown toast's action once and closes the toast; the focus goes back to where it was after the action. */
  async act(id: number): Promise<void> {
    const message = this.current();
    if (!message || message.id !== id || !message.action) return;
    const returnTo = this.holdsFocus() ? this.focusBefore : null;
    this.focusBefore = null;
    this.dismiss(id);
    await message.action.run();
    // Once the action is on screen: undoing "mark all" enables the button the user came from again.
    afterNextRender(
      () => {
        const focused = document.activeElement;
        if (returnTo?.isConnected && (!focused || focused === document.body)) returnTo.focus();
      },
      { injector: this.injector },
    );
  }

  private attach(): void {
    if (this.overlay?.hasAttached()) return;
    this.overlay ??= createOverlayRef(this.injector, {
      positionStrategy: createGlobalPositionStrategy(this.injector).centerHorizontally().bottom('1rem'),
      panelClass: 'k-toast-pane',
      hasBackdrop: false,
    });
    this.overlay.attach(new ComponentPortal(FeedbackToast, null, this.injector));
  }
}

/** The toast itself. Not a live region: the announcer speaks for it, so nothing is read twice. */
@Component({
  selector: 'k-feedback-toast',
  imports: [TranslatePipe],
  // Unscoped: the pane class sits on the CDK overlay outside this component. Loaded with it, not in the first download.
  encapsulation: ViewEncapsulation.None,
  styles: `
    .k-toast-pane {
      width: min(36rem, calc(100vw - 1rem));
    }
    .k-toast {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      width: 100%;
      padding: 0.5rem 0.5rem 0.5rem 1rem;
      background: var(--brand-dark);
      color: #fff;
      border-radius: 8px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 30%);
    }
    .k-toast.error {
      background: var(--danger);
    }
    .k-toast p {
      margin: 0;
      flex: 1;
      overflow-wrap: anywhere;
    }
    .k-toast button.secondary {
      background: #fff;
      color: var(--brand-dark);
      border-color: #fff;
    }
    .k-toast button.close {
      background: transparent;
      border: 0;
      color: #fff;
      font-size: 1.5rem;
      min-width: 44px;
      padding: 0;
      justify-content: center;
    }
  `,
  template: `
    @if (feedback.current(); as message) {
      <div class="k-toast" [class.error]="message.kind === 'error'" data-testid="toast">
        <p>{{ message.text }}</p>
        @if (message.action; as action) {
          <button #action type="button" class="secondary" (click)="feedback.act(message.id)" (keydown.escape)="feedback.dismiss(message.id)">
            {{ action.label }}
          </button>
        }
        <button
          type="button"
          class="link close"
          [attr.aria-label]="'feedback.close' | t"
          (click)="feedback.dismiss(message.id)"
          (keydown.escape)="feedback.dismiss(message.id)"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    }
  `,
})
export class FeedbackToast {
  protected readonly feedback = inject(Feedback);
  private readonly actionButton = viewChild<ElementRef<HTMLButtonElement>>('action');
  private focusedId: number | null = null;

  constructor() {
    // Each toast with an action takes the focus once, when it appears.
    afterRenderEffect(() => {
      const button = this.actionButton();
      const id = this.feedback.current()?.id ?? null;
      if (!button || id === this.focusedId) return;
      this.focusedId = id;
      button.nativeElement.focus();
    });
  }
}
