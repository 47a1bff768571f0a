import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './browser';
import { account, signIn } from './demo';

const OUT = '/tmp/pages-shots';
const ROLES: Array<[string, string[]]> = [
  ['HR', ['/insikt', '/insikt/kompetens', '/insikt/mal', '/insikt/kostnader']],
  ['Verksamhetschef', ['/insikt', '/insikt/kompetens', '/insikt/mal']],
  ['Enhetschef', ['/insikt', '/insikt/kompetens', '/insikt/mal', '/matningar/resultat']],
  ['Nätverkssamordnare', ['/insikt']],
  ['Ambassadör', ['/insikt', '/matningar/resultat', '/']],
];
jest.setTimeout(600_000);
it('explores', async () => {
  const browser: Browser = await launchBrowser();
  const log: string[] = [];
  log.push(JSON.stringify(require('./demo').demoAccounts().accounts.map((a: { role: string; identifier: string }) => `${a.role} ${a.identifier}`)));
  for (const [role, paths] of ROLES) {
    for (const [size, viewport] of [['d', { width: 1280, height: 800 }], ['m', { width: 390, height: 844 }]] as const) {
      const { context, page } = await newContext(browser, { viewport, ...(size === 'm' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}) });
      try {
        await signIn(page, account(role));
      } catch (e) {
        log.push(`${role}: sign-in failed ${e}`);
        await context.close();
        continue;
      }
      for (const p of paths) {
        await page.goto(p);
        await page.waitForTimeout(2500);
        const shot = `${OUT}/${role}-${size}-${p.replace(/\//g, '_')}.png`;
        const m = await page.evaluate(() => ({ url: location.pathname, h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth, vh: innerHeight, loading: document.querySelectorAll('.loading').length }));
        log.push(`${role} ${size} ${p} -> ${JSON.stringify(m)}`);
        await page.screenshot({ path: shot, fullPage: true });
        fs.writeFileSync(shot.replace('.png', '.txt'), await page.locator('main').innerText().catch(() => ''));
      }
      await context.close();
    }
  }
  fs.writeFileSync(`${OUT}/log.txt`, log.join('\n'));
  await browser.close();
});
