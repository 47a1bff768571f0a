import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, effect, inject } from '@angular/core';
import { Session } from './session';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'scroll'] as const;

/** Signs out on a shared device after the server's idle timeout without activity, and leaves nothing behind. */
@Injectable({ providedIn: 'root' })
export class IdleSignOut {
  private readonly document = inject(DOCUMENT);
  private readonly session = inject(Session);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly reset = () => this.schedule();

  constructor() {
    for (const event of ACTIVITY_EVENTS) this.document.addEventListener(event, this.reset, { passive: true });
    inject(DestroyRef).onDestroy(() => {
      for (const event of ACTIVITY_EVENTS) this.document.removeEventListener(event, this.reset);
      if (this.timer) clearTimeout(this.timer);
    });
    effect(() => this.schedule());
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const user = this.session.user();
    if (!user) return;
    this.timer = setTimeout(() => void this.session.signOut('idle'), user.idleTimeoutSeconds * 1000);
  }
}
