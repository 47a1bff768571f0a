import { DOCUMENT } from '@angular/common';
import { Component, DestroyRef, computed, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { AMBASSADOR_PAGE_ROLES } from '../ambassadors/ambassador-roles';
import { Permissions } from '../core/permissions';
import { Session } from '../core/session';
import { LanguagePicker } from '../i18n/language-picker';
import { NotificationsApi } from '../notifications/notifications-api';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';

interface NavItem {
  path: string;
  label: TranslationKey;
  exact?: boolean;
}

@Component({
  selector: 'k-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, LanguagePicker],
  templateUrl: './shell.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './shell.css',
})
export class Shell {
  protected readonly session = inject(Session);
  private readonly permissions = inject(Permissions);
  private readonly document = inject(DOCUMENT);
  /** The menu is folded away on narrow screens. */
  protected readonly menuOpen = signal(false);
  /** The bell: unread notifications, fetched again on every navigation. */
  protected readonly notifications = inject(NotificationsApi);

  /** Only what the signed-in person's roles may use. */
  protected readonly nav = computed<NavItem[]>(() => {
    const items: NavItem[] = [{ path: '/', label: 'nav.home', exact: true }];
    if (this.permissions.seesTree()) items.push({ path: '/organisation', label: 'nav.organisation' });
    if (this.permissions.seesTree()) items.push({ path: '/tillfallen', label: 'nav.sessions' });
    if (this.permissions.canAdministerUsers()) items.push({ path: '/admin/anvandare', label: 'nav.users' });
    if (this.permissions.canImport()) items.push({ path: '/import', label: 'nav.import' });
    items.push({ path: '/bibliotek', label: 'library.nav' });
    if (this.session.hasRole(...AMBASSADOR_PAGE_ROLES)) items.push({ path: '/ombud', label: 'ambassadors.nav' });
    items.push({ path: '/min-utveckling', label: 'nav.myDevelopment' });
    if (this.permissions.runsChecks()) items.push({ path: '/matningar', label: 'nav.checks' });
    else if (this.permissions.isCoordinator()) items.push({ path: '/matningar/instrument', label: 'nav.checks' });
    if (this.permissions.seesInsights()) items.push({ path: '/insikt', label: 'nav.insights' });
    if (this.permissions.isOrgAdmin()) items.push({ path: '/admin/logg', label: 'nav.audit' });
    if (this.permissions.isOrgAdmin()) items.push({ path: '/admin/utkorg', label: 'outbox.nav' });
    items.push({ path: '/mitt-konto', label: 'nav.account' });
    return items;
  });

  constructor() {
    let first = true;
    const subscription = inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => {
        this.menuOpen.set(false);
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

  private focusHeading(): void {
    const main = this.document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target) return;
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }
}
