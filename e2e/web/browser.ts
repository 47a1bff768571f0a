import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';

/** Where `npm run e2e:web` started the app. */
export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run e2e:web`.');
  return url;
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  // Layout is in CSS pixels: a phone's 2–3 × density would only make the GPU-less test browser paint 4–9 × the pixels.
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Problems the page reported: CSP violations, uncaught errors, console errors (other than expected HTTP statuses). */
export interface PageProblems {
  list(): string[];
  clear(): void;
}

/**
 * A fresh context (no cookies, no storage: a new person at a shared device) at the app's address. Records
 * Content-Security-Policy violations, uncaught exceptions and console errors so a test can insist on none.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  // A Swedish reader's browser is on Stockholm time, as the API's "today" is: with the machine's (UTC) clock, dates the
  // web picks (an appointment from today) were a day behind the API's between midnight in Sweden and midnight UTC.
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  await context.addInitScript(() => {
    const record = (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [];
    (window as unknown as { __cspViolations?: string[] }).__cspViolations = record;
    document.addEventListener('securitypolicyviolation', (event) => record.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The browser logs every non-2xx API answer; tests check those answers themselves (401 before sign-in is normal).
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    seen.push(`console: ${text}`);
  });
  const problems: PageProblems = {
    list: () => [...seen],
    clear: () => void seen.splice(0),
  };
  return { context, page, problems };
}

/**
 * Waits until no request of the page has been in flight for `quietMs` (at most `timeoutMs`). Playwright's 'networkidle'
 * waits a fixed 500 ms after the last request, which on a suite that opens hundreds of pages adds minutes. Call it once
 * per page, before navigating: it counts the requests from then on.
 */
export function networkQuiet(page: Page): (quietMs?: number, timeoutMs?: number) => Promise<void> {
  let inFlight = 0;
  let changedAt = Date.now();
  page.on('request', () => {
    inFlight++;
    changedAt = Date.now();
  });
  const finished = () => {
    inFlight = Math.max(0, inFlight - 1);
    changedAt = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return async (quietMs = 150, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until && (inFlight > 0 || Date.now() - changedAt < quietMs)) await new Promise((resolve) => setTimeout(resolve, 25));
  };
}

/** All problems so far, including CSP violations seen by the current document. */
export async function pageProblems(page: Page, problems: PageProblems): Promise<string[]> {
  const csp = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
  return [...problems.list(), ...csp.map((violation) => `CSP: ${violation}`)];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP is untouched) and
 * fails on serious or critical violations, listing each rule, where it failed and what to fix.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  const serious = (violations as AxeViolation[]).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    await saveScreenshot(page, `axe-${label}`);
    throw new Error(`Accessibility (axe) on ${label} (${page.url()}): ${serious.length} serious/critical violation(s)\n${formatViolations(serious)}`);
  }
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => {
          const summary = (node.failureSummary ?? '')
            .split('\n')
            .map((line) => `        ${line.trim()}`)
            .join('\n');
          return `    at ${node.target.map(String).join(' ')}\n      ${node.html.slice(0, 200)}\n${summary}`;
        })
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
      return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Saves a screenshot under e2e/web/artifacts (ignored by git) to look at after a failure. */
export async function saveScreenshot(page: Page, name: string): Promise<string | null> {
  const dir = process.env['E2E_ARTIFACTS'];
  if (!dir) return null;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^a-z0-9_-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}

/** The document scrolls sideways (content wider than the viewport): bad on a phone. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
