// What `npm run bench` measures. Add an endpoint here (name, account, request) and it gets the load run; give it
// `read: true` and its SQL is captured and replayed as its floor, `explain: true` adds EXPLAIN (ANALYZE, BUFFERS).
// `context` is built by bench.mjs from the generated data (first benchmark organisation): unitId, instrumentId,
// today, yearStart, accounts and attendanceSessions.
import { randomUUID } from 'node:crypto';

export const ENDPOINTS = [
  {
    name: 'unit-dashboard',
    title: 'Unit dashboard (team progress)',
    account: 'manager',
    read: true,
    explain: true,
    request: (context) => ({ method: 'GET', path: `/api/insights/units/${context.unitId}/team` }),
  },
  {
    name: 'organisation-participation',
    title: 'Organisation overview: participation by unit',
    account: 'hr',
    read: true,
    explain: true,
    request: () => ({ method: 'GET', path: '/api/insights/participation?groupBy=unit' }),
  },
  {
    name: 'organisation-check-results',
    title: 'Organisation overview: check results (aggregate)',
    account: 'hr',
    read: true,
    explain: true,
    request: (context) => ({ method: 'GET', path: `/api/checks/results?instrumentId=${context.instrumentId}` }),
  },
  {
    name: 'organisation-heat-map',
    title: 'Organisation competence heat map (levels and gains by unit)',
    account: 'hr',
    read: true,
    explain: true,
    request: () => ({ method: 'GET', path: '/api/insights/competence?groupBy=unit' }),
  },
  {
    name: 'organisation-competence-trend',
    title: 'Organisation competence trend by quarter',
    account: 'hr',
    read: true,
    explain: true,
    request: () => ({ method: 'GET', path: '/api/insights/competence/trend' }),
  },
  {
    name: 'organisation-costs',
    title: 'Organisation overview: costs this year',
    account: 'hr',
    read: true,
    explain: true,
    request: (context) => ({ method: 'GET', path: `/api/insights/costs?from=${context.yearStart}&to=${context.today}` }),
  },
  {
    name: 'funder-report-csv',
    title: 'Funder report export (CSV, this year)',
    account: 'hr',
    read: true,
    explain: true,
    request: (context) => ({ method: 'GET', path: `/api/insights/participant-report?from=${context.yearStart}&to=${context.today}&format=csv` }),
  },
  {
    name: 'sign-in',
    title: 'Sign-in (argon2id)',
    account: null,
    read: false,
    request: (context) => ({
      method: 'POST',
      path: '/api/auth/sign-in',
      body: JSON.stringify({ identifier: context.accounts.manager.email, password: context.password }),
    }),
  },
  {
    name: 'attendance-batch-30',
    title: 'Record a 30-person attendance batch',
    account: 'ambassador',
    read: false,
    // Each load client marks its own session (tablets in different rooms), with new mark ids every time.
    perClient: true,
    request: (context, client) => {
      const session = context.attendanceSessions[client % context.attendanceSessions.length];
      const recordedAt = new Date().toISOString();
      const marks = session.personIds.slice(0, 30).map((personId, index) => ({
        id: randomUUID(),
        personId,
        status: (index + Date.now()) % 5 === 0 ? 'absent' : 'present',
        recordedAt,
      }));
      return { method: 'POST', path: `/api/sessions/${session.id}/attendance`, body: JSON.stringify({ marks }) };
    },
  },
];
