import { Component, Provider, Type } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Routes, provideRouter } from '@angular/router';
import { CurrentUser, Role, RoleGrant, ScopeType } from '@kunna/contracts';
import { Session } from '../core/session';
import { I18n } from '../i18n/i18n';
import { signedInSv } from '../i18n/signed-in.sv';

/**
 * Component tests of whole pages: the real component, its real API service and HttpClient, and
 * HttpTestingController in place of the server. Swedish texts as signed in.
 */
/** A role for one scope: the organisation's for HR and administrators, a unit's for managers and ambassadors. */
export function grant(role: Role, scopeType: ScopeType = ScopeType.Organisation, scopeId = 'org-1'): RoleGrant {
  return { id: `${role}-${scopeId}`, role, scopeType, scopeId, scopeName: scopeId, startDate: '2020-01-01', endDate: null };
}

export async function setUpPage(options: { grants?: RoleGrant[]; providers?: Provider[]; routes?: Routes } = {}): Promise<HttpTestingController> {
  localStorage.clear();
  // jsdom lays nothing out and has no ResizeObserver; scroll regions (core/scroll-region.ts) only measure with it.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [provideRouter(options.routes ?? []), provideHttpClient(), provideHttpClientTesting(), ...(options.providers ?? [])],
  });
  const i18n = TestBed.inject(I18n);
  await i18n.ready;
  i18n.addSwedish(signedInSv);
  if (options.grants) {
    TestBed.inject(Session).user.set({
      personId: 'me',
      organisationId: 'org-1',
      organisationName: 'Testkommunen',
      firstName: 'Test',
      lastName: 'Testsson',
      roles: options.grants,
    } as unknown as CurrentUser);
  }
  return TestBed.inject(HttpTestingController);
}

export function createPage<T>(component: Type<T>, inputs: Record<string, unknown> = {}): ComponentFixture<T> {
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  fixture.detectChanges();
  return fixture;
}

/**
 * Lets answered requests reach the signals, then renders. Not `whenStable()`: a resource keeps the app
 * unstable while its request waits, and the test answers requests only after looking at the page.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
  }
}

/** The page's text with white space collapsed, as a reader sees it. */
export function textOf(fixture: ComponentFixture<unknown>): string {
  return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The one open request to a path under /api (the query string left out), failing the test if there is none. */
export function expectCall(http: HttpTestingController, method: string, path: string): TestRequest {
  return http.expectOne((request) => request.method === method && request.url === `/api/${path}`, `${method} /api/${path}`);
}

/** Answers a request with an error the way the API sends one (`details`: per-field messages of a 400). */
export function fail(request: TestRequest, status: number, message?: string, details?: Array<{ field: string; message: string }>): void {
  request.flush(message ? { statusCode: status, message, details } : null, { status, statusText: 'Error' });
}

/** A page to land on after a save navigates away. */
@Component({ template: '' })
export class Landing {}
