import { Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { Permissions } from '../core/permissions';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';

interface NavItem {
  path: string;
  label: TranslationKey;
}

/**
 * The questions Insight answers, as tabs of links: each role sees the pages it may open, its own overview first.
 * Each page keeps the period (from, to) of the address bar.
 */
@Component({
  selector: 'k-insights-nav',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav class="insights-nav no-print" [attr.aria-label]="'insightPages.nav.label' | t">
      <ul>
        @for (item of items(); track item.path) {
          <li>
            <a [routerLink]="item.path" queryParamsHandling="preserve" routerLinkActive="active" ariaCurrentWhenActive="page">{{ item.label | t }}</a>
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 0 0 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    a {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
    }
    a.active {
      font-weight: 700;
      text-decoration-thickness: 3px;
    }
  `,
})
export class InsightsNav {
  private readonly permissions = inject(Permissions);

  protected readonly items = computed<NavItem[]>(() => {
    const p = this.permissions;
    const items: NavItem[] = [];
    if (p.organisationWide()) items.push({ path: '/insikt/organisation', label: 'insightPages.nav.organisation' });
    for (const areaId of p.managedAreaIds().slice(0, 1)) items.push({ path: `/insikt/omrade/${areaId}`, label: 'insightPages.nav.area' });
    for (const unitId of p.managedUnitIds().slice(0, 1)) items.push({ path: `/insikt/enhet/${unitId}`, label: 'insightPages.nav.unit' });
    const follows = p.organisationWide() || p.managedAreaIds().length > 0 || p.managedUnitIds().length > 0;
    if (follows) {
      items.push({ path: '/insikt/kompetens', label: 'insightPages.nav.competence' });
      items.push({ path: '/insikt/mal', label: 'insightPages.nav.targets' });
    }
    if (p.organisationWide()) items.push({ path: '/insikt/kostnader', label: 'insightPages.nav.costs' });
    if (p.isCoordinator()) items.push({ path: '/insikt/natverk', label: 'insightPages.nav.network' });
    return items;
  });
}
