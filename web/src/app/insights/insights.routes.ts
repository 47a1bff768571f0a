import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { Role } from '@kunna/contracts';
import { hasRole, mayOpen } from '../core/role-guard';
import { Permissions } from '../core/permissions';
import { Session } from '../core/session';
import { I18n } from '../i18n/i18n';
import { insightPagesSv } from '../i18n/insight-pages.sv';

/**
 * Where Insight opens for the signed-in person: HR and administrators on the organisation, an area manager on the
 * area, a unit manager on the unit, a network coordinator on the network. An old link with `?unitId=` opens that
 * unit. A guard rather than a redirect, because redirects run before the session is loaded on a fresh page load.
 */
export const insightsLanding: CanActivateFn = async (route) => {
  // Everything injected before the first await (the injection context ends there).
  const session = inject(Session);
  const permissions = inject(Permissions);
  const router = inject(Router);
  if (!session.loaded()) await session.load();
  const { unitId, ...rest } = route.queryParams as Record<string, string>;
  if (unitId) return router.createUrlTree(['/insikt/enhet', unitId], { queryParams: rest });
  if (permissions.organisationWide()) return router.createUrlTree(['/insikt/organisation'], { queryParams: rest });
  const area = permissions.managedAreaIds()[0];
  if (area) return router.createUrlTree(['/insikt/omrade', area], { queryParams: rest });
  const unit = permissions.managedUnitIds()[0];
  if (unit) return router.createUrlTree(['/insikt/enhet', unit], { queryParams: rest });
  return router.createUrlTree(['/insikt/natverk'], { queryParams: rest });
};

/** The pages' Swedish texts come with this chunk, not the first download. */
const withInsightTexts: CanActivateFn = () => {
  inject(I18n).addSwedish(insightPagesSv);
  return true;
};

/** Insight's pages, one question each (web/src/app/insights). Titles are translation keys. */
const PAGES: Routes = [
  {
    path: 'organisation',
    canActivate: [hasRole(Role.Hr, Role.OrgAdmin)],
    loadComponent: () => import('./scope-overview-page').then((m) => m.ScopeOverviewPage),
    data: { scope: 'organisation' },
    title: 'insightPages.organisation.title',
  },
  {
    path: 'omrade/:areaId',
    canActivate: [mayOpen('insights.participation')],
    loadComponent: () => import('./scope-overview-page').then((m) => m.ScopeOverviewPage),
    data: { scope: 'area' },
    title: 'insightPages.area.title',
  },
  {
    path: 'enhet/:unitId',
    canActivate: [mayOpen('insights.team')],
    loadComponent: () => import('./unit-overview-page').then((m) => m.UnitOverviewPage),
    title: 'insightPages.team.title',
  },
  {
    path: 'kompetens',
    canActivate: [mayOpen('competence.unit')],
    loadComponent: () => import('./competence-page').then((m) => m.CompetencePage),
    title: 'insightPages.competence.title',
  },
  {
    path: 'mal',
    canActivate: [mayOpen('insights.plan')],
    loadComponent: () => import('./targets-page').then((m) => m.TargetsPage),
    title: 'insightPages.targets.title',
  },
  {
    path: 'kostnader',
    canActivate: [mayOpen('insights.costs')],
    loadComponent: () => import('./costs-page').then((m) => m.CostsPage),
    title: 'insightPages.costs.title',
  },
  {
    path: 'natverk',
    canActivate: [mayOpen('insights.networkParticipation')],
    loadComponent: () => import('./network-page').then((m) => m.NetworkPage),
    title: 'insightPages.network.title',
  },
];

export const INSIGHTS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', canActivate: [insightsLanding], children: [] },
  { path: '', canActivate: [withInsightTexts], children: PAGES },
];
