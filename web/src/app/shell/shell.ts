import { DOCUMENT } from '@angular/common';
import { Component, DestroyRef, ElementRef, computed, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { AMBASSADOR_PAGE_PERMISSIONS } from '../ambassadors/ambassador-roles';
import { Permissions } from '../core/permissions';
import { Session } from '../core/session';
import { LanguagePicker } from '../i18n/language-picker';
import { NotificationsApi } from '../notifications/notifications-api';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { signedInSv } from '../i18n/signed-in.sv';
import { mainNav, NavEntry } from './shell-nav';

@Component({
  selector: 'k-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, LanguagePicker],
  templateUrl: './shell.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './shell.css',
  host: { '(document:click)': 'closeGroupOutside($event)' },
})
export class Shell {
  protected readonly session = inject(Session);
  private readonly permissions = inject(Permissions);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The menu is folded away on narrow screens. */
  protected readonly menuOpen = signal(false);
  /** The group whose pages are shown (wide screens; on a phone the open menu shows every group). */
  protected readonly openGroup = signal<string | null>(null);
  /** The bell: unread notifications, fetched again on every navigation. */
  protected readonly notifications = inject(NotificationsApi);

  /** Only what the signed-in person's roles may use, grouped (shell-nav.ts). */
  protected readonly nav = computed<NavEntry[]>(() =>
    mainNav({
      seesTree: this.permissions.seesTree(),
      runsChecks: this.permissions.runsChecks(),
      isCoordinator: this.permissions.isCoordinator(),
      seesInsights: this.permissions.seesInsights(),
      seesAmbassadors: AMBASSADOR_PAGE_PERMISSIONS.some((permission) => this.session.may(permission)),
      administersUsers: this.permissions.canAdministerUsers(),
      imports: this.permissions.canImport(),
      isOrgAdmin: this.permissions.isOrgAdmin(),
    }),
  );

  constructor() {
    // Before any page inside the shell is drawn; the texts come with this chunk, not the first download.
    inject(I18n).addSwedish(signedInSv);
    let first = true;
    const subscription = inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => {
        this.menuOpen.set(false);
        this.openGroup.set(null);
        void this.notifications.refreshUnread();
        if (first) {
          first = false;
          return;
        }
        // Tell screen readers a new page is shown: move focus to its heading once it is rendered.
        setTimeout(() => this.focusHeading(), 0);
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected toggleGroup(id: string): void {
    this.openGroup.set(this.openGroup() === id ? null : id);
  }

  /** Escape closes the open group and returns focus to its button. */
  protected closeGroup(event: Event): void {
    const id = this.openGroup();
    if (id === null) return;
    event.preventDefault();
    this.openGroup.set(null);
    this.document.getElementById(`nav-toggle-${id}`)?.focus();
  }

  /** A click anywhere outside the open group's button and pages closes it. */
  protected closeGroupOutside(event: MouseEvent): void {
    const id = this.openGroup();
    if (id === null) return;
    const group = this.host.nativeElement.querySelector(`[data-group="${id}"]`);
    if (group && event.target instanceof Node && group.contains(event.target)) return;
    this.openGroup.set(null);
  }

  private focusHeading(): void {
    const main = this.document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target) return;
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }
}
