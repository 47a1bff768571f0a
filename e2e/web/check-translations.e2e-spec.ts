import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems, PHONE } from './browser';
import { account, signIn, sv } from './demo';

const INSTRUMENT = 'Digital vardag i omsorgen';
const SIGN_SV = 'Jag kan signera en läkemedelsrunda digitalt.';
const SIGN_AR = 'أستطيع التوقيع على جولة الأدوية رقمياً.';

/**
 * Translated check items in the browser, on a phone (390 px): HR opens the demo instrument's translations, finds the
 * machine-made Arabic draft with who made it, reviews it (who and when shown), and a staff member reads a starter
 * module's glossary in lätt svenska. Every screen is checked with axe.
 */
describe('translated check items in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function open(): Promise<{ page: Page; problems: PageProblems }> {
    const { context, page, problems } = await newContext(browser, PHONE);
    contexts.push(context);
    return { page, problems };
  }

  it('HR reviews a machine-made Arabic draft of a question; who and when are shown', async () => {
    const { page, problems } = await open();
    await signIn(page, account('HR'));
    await page.goto('/matningar/instrument');
    await page.getByRole('link', { name: INSTRUMENT, exact: true }).click();
    await page.getByRole('link', { name: sv.checkTranslations.open, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: sv.checkTranslations.title }).waitFor();
    await expect(page.getByLabel(sv.checkTranslations.language, { exact: true }).inputValue()).resolves.toBe('ar');
    expect(await page.getByLabel(sv.checkTranslations.allowDrafts).isChecked()).toBe(true);

    const card = page.getByRole('listitem').filter({ hasText: SIGN_SV });
    await card.getByText(SIGN_AR, { exact: true }).waitFor();
    await card.getByText(sv.checkTranslations.draft, { exact: true }).waitFor();
    await card.getByText(sv.checkTranslations.machine, { exact: true }).waitFor();
    expect(await card.locator('[lang="ar"][dir="rtl"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'translations');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await card.getByRole('button', { name: sv.checkTranslations.review, exact: true }).click();
    await page.getByRole('status').getByText(sv.checkTranslations.reviewed, { exact: true }).waitFor();
    await card.getByText(sv.checkTranslations.reviewedBadge, { exact: true }).waitFor();
    // Leading white space of the line is the template's, not the text's.
    await card.getByText(/^\s*Granskad av Karin Holm, /).waitFor();
    expect(await card.getByRole('button', { name: sv.checkTranslations.review, exact: true }).count()).toBe(0);
    await expectAccessible(page, 'translation reviewed');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('a staff member shows a starter module’s glossary in lätt svenska', async () => {
    const { page, problems } = await open();
    await signIn(page, account('Medarbetare'));
    await page.goto('/bibliotek');
    await page.getByRole('link', { name: 'Grundläggande IT på jobbet', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: sv.module.glossary }).waitFor();
    const toggle = page.getByRole('button', { name: sv.module.glossaryEasy, exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByText(sv.module.glossaryEasyLabel).count()).toBe(0);
    await toggle.click();
    await page.getByRole('button', { name: sv.module.glossaryEasy, exact: true, pressed: true }).waitFor();
    await page.getByText('En hemlig kod. Bara du ska kunna den. Skriv den inte på en lapp.', { exact: false }).waitFor();
    await expectAccessible(page, 'glossary in lätt svenska');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('HR sees answers by language on the results page: Arabic with figures, Somali (two people) withheld', async () => {
    const { page, problems } = await open();
    await signIn(page, account('HR'));
    await page.goto('/matningar/resultat');
    const section = page.getByRole('region', { name: sv.checkTranslations.rates.title });
    await section.getByRole('table').waitFor();
    const arabic = section.getByRole('row').filter({ hasText: 'العربية' });
    await expect(arabic.innerText()).resolves.toMatch(/arabiska\)\s+5\s+100\s%\s+100\s%/);
    const somali = section.getByRole('row').filter({ hasText: 'Soomaali' });
    expect(await somali.innerText()).not.toMatch(/\d\s%/);
    await expectAccessible(page, 'answers by language');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});
