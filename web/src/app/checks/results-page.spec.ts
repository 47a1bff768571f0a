import { HttpTestingController } from '@angular/common/http/testing';
import { CheckResults, InstrumentSummary, OrganisationTree, Role, ScopeType } from '@kunna/contracts';
import { createPage, expectCall, fail, grant, setUpPage, settle, textOf } from '../testing/page-testing';
import { ResultsPage } from './results-page';

const INSTRUMENTS: InstrumentSummary[] = [
  { id: 'i1', title: 'Digital vardag', latestVersion: 1, latestVersionId: 'v1', hasDraft: false, updatedAt: '2026-11-01T10:00:00Z' },
  { id: 'i2', title: 'Säkra lösenord', latestVersion: 2, latestVersionId: 'v2', hasDraft: false, updatedAt: '2026-11-02T10:00:00Z' },
];

const TREE = {
  organisation: { id: 'org-1', name: 'Testkommunen', minGroupSize: 5 },
  staffCount: 12,
  areas: [
    {
      id: 'a1',
      name: 'Äldreomsorg',
      kind: 'area',
      staffCount: 12,
      units: [
        { id: 'u1', organisationId: 'org-1', areaId: 'a1', name: 'Solgården', code: null, staffCount: 8, managers: [] },
        { id: 'u2', organisationId: 'org-1', areaId: 'a1', name: 'Björkbacken', code: null, staffCount: 4, managers: [] },
      ],
    },
  ],
} as unknown as OrganisationTree;

const RESULTS: CheckResults = {
  minimumGroupSize: 5,
  suppressed: false,
  reason: null,
  dimensions: [
    {
      key: 'skills',
      invited: 10,
      pairs: 8,
      meanBefore: 2.1,
      meanAfter: 2.9,
      meanChange: 0.8,
      confidenceInterval: null,
      effectSizeDz: null,
      shareImproved: 0.75,
      withheld: [],
      suppressed: false,
    },
  ],
};

describe('ResultsPage', () => {
  let http: HttpTestingController;

  /** A manager of Björkbacken only: sees no whole organisation, so the page picks the manager's own unit. */
  beforeEach(async () => {
    http = await setUpPage({ grants: [grant(Role.Manager, ScopeType.Unit, 'u2')] });
  });

  afterEach(() => http.verify());

  async function openWithDefaults() {
    const fixture = createPage(ResultsPage);
    await settle(fixture);
    expect(textOf(fixture)).toContain('Laddar');
    expectCall(http, 'GET', 'checks/instruments').flush(INSTRUMENTS);
    expectCall(http, 'GET', 'organisation/tree').flush(TREE);
    await settle(fixture);
    return fixture;
  }

  it("loads the first instrument's results for the manager's own unit and shows them per dimension", async () => {
    const fixture = await openWithDefaults();
    const query = expectCall(http, 'GET', 'checks/results');
    expect(query.request.params.get('instrumentId')).toBe('i1');
    expect(query.request.params.get('unitId')).toBe('u2');
    expect(query.request.params.has('areaId')).toBe(false);
    expect(textOf(fixture)).toContain('Laddar');

    query.flush(RESULTS);
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    const groups = [...page.querySelectorAll('#results-group option')].map((option) => option.textContent?.trim());
    expect(groups).toEqual(['Björkbacken']);
    const text = textOf(fixture);
    expect(text).not.toContain('Laddar');
    expect(text).toContain('Färdigheter');
    expect(text).toContain('8 / 10');
    expect(text).toContain('Före och efter per dimension');
  });

  it('asks again with the chosen instrument', async () => {
    const fixture = await openWithDefaults();
    expectCall(http, 'GET', 'checks/results').flush(RESULTS);
    await settle(fixture);

    const select = (fixture.nativeElement as HTMLElement).querySelector<HTMLSelectElement>('#results-instrument')!;
    select.value = select.options[1].value;
    select.dispatchEvent(new Event('change'));
    await settle(fixture);

    const query = expectCall(http, 'GET', 'checks/results');
    expect(query.request.params.get('instrumentId')).toBe('i2');
    expect(query.request.params.get('unitId')).toBe('u2');
    query.flush({ ...RESULTS, suppressed: true, reason: 'belowMinimum', dimensions: [] });
    await settle(fixture);
    expect(textOf(fixture)).toContain('Gruppen är för liten för att visas (färre än 5 personer).');
  });

  it("shows the server's message as an alert when the results cannot be read", async () => {
    const fixture = await openWithDefaults();
    fail(expectCall(http, 'GET', 'checks/results'), 403, 'Du får inte se den här gruppen.');
    await settle(fixture);

    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('Du får inte se den här gruppen.');
    expect(textOf(fixture)).not.toContain('Laddar');
    expect(textOf(fixture)).not.toContain('Färdigheter');
  });
});
