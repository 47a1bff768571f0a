import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { ActivatedRouteSnapshot, Params, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { CurrentUser, Role, RoleGrant, ScopeType } from '@kunna/contracts';
import { Session } from '../core/session';
import { insightsLanding } from './insights.routes';

const ORG = 'org-a';

function grant(role: Role, scopeType: ScopeType, scopeId: string): RoleGrant {
  return { id: `${role}-${scopeId}`, role, scopeType, scopeId, scopeName: scopeId, startDate: '2020-01-01', endDate: null };
}

function user(roles: RoleGrant[]): CurrentUser {
  return {
    personId: 'me',
    organisationId: ORG,
    organisationName: 'Älvstads kommun',
    networkId: 'net',
    firstName: 'Test',
    lastName: 'Person',
    preferredLanguage: 'sv',
    roles,
    csrfToken: 'x',
    idleTimeoutSeconds: 1800,
  };
}

/** Where /insikt sends a person with these grants (and query). */
async function landing(roles: RoleGrant[], queryParams: Params = {}): Promise<string> {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
  const session = TestBed.inject(Session);
  session.user.set(user(roles));
  session.loaded.set(true);
  const route = { queryParams } as unknown as ActivatedRouteSnapshot;
  const result = await TestBed.runInInjectionContext(() => insightsLanding(route, {} as RouterStateSnapshot));
  return TestBed.inject(Router).serializeUrl(result as UrlTree);
}

describe('where Insight opens', () => {
  it('HR and administrators land on the organisation overview, never on a unit', async () => {
    expect(await landing([grant(Role.Hr, ScopeType.Organisation, ORG)])).toBe('/insikt/organisation');
    expect(await landing([grant(Role.OrgAdmin, ScopeType.Organisation, ORG), grant(Role.Manager, ScopeType.Unit, 'u1')])).toBe('/insikt/organisation');
  });

  it('an area manager lands on the area, a unit manager on the unit', async () => {
    expect(await landing([grant(Role.AreaManager, ScopeType.Area, 'a1'), grant(Role.Manager, ScopeType.Unit, 'u1')])).toBe('/insikt/omrade/a1');
    expect(await landing([grant(Role.Manager, ScopeType.Unit, 'u1')])).toBe('/insikt/enhet/u1');
  });

  it('a network coordinator lands on the network', async () => {
    expect(await landing([grant(Role.NetworkCoordinator, ScopeType.Network, 'net')])).toBe('/insikt/natverk');
  });

  it('an old link with ?unitId= opens that unit and keeps the period', async () => {
    expect(await landing([grant(Role.Hr, ScopeType.Organisation, ORG)], { unitId: 'u9', from: '2026-01-01' })).toBe('/insikt/enhet/u9?from=2026-01-01');
  });
});
