import type { Locator, Page } from 'playwright-core';
import { en, sv } from './demo';

/**
 * The main menu groups pages behind buttons (web/src/app/shell/shell-nav.ts) and folds away on a phone. These find a
 * page's link as a person would: open the menu (phone), then the group that holds it (wide screen).
 */
export async function navLink(page: Page, name: string, navName: string = sv.app.mainNav): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: navName });
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await nav.isVisible())) {
    await page.getByRole('button', { name: navName === en.app.mainNav ? en.app.menu : sv.app.menu, exact: true }).click();
    await nav.waitFor({ state: 'visible' });
  }
  if (await link.isVisible()) return link;
  for (const toggle of await groupToggles(nav)) {
    await toggle.click();
    await nav.locator(`#${await toggle.getAttribute('aria-controls')}`).waitFor({ state: 'visible' });
    if (await link.isVisible()) return link;
  }
  return link;
}

/** Clicks a page's link in the main menu. */
export async function openFromNav(page: Page, name: string, navName: string = sv.app.mainNav): Promise<void> {
  await (await navLink(page, name, navName)).click();
}

/** Every page the main menu offers (top level and every group), in order. */
export async function navLinkNames(page: Page, navName: string = sv.app.mainNav): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: navName });
  const names = (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
  for (const toggle of await groupToggles(nav)) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const group = nav.locator(`#${await toggle.getAttribute('aria-controls')}`);
    await group.waitFor({ state: 'visible' });
    for (const text of await group.getByRole('link').allInnerTexts()) if (!names.includes(text.trim())) names.push(text.trim());
    await toggle.click();
    await group.waitFor({ state: 'hidden' });
  }
  return names;
}

/** The visible group buttons, each by its own id (a list by position would shift as groups open and close). */
async function groupToggles(nav: Locator): Promise<Locator[]> {
  const ids = await nav
    .locator('button[aria-controls]')
    .evaluateAll((buttons) => buttons.filter((button) => (button as HTMLElement).offsetParent !== null).map((button) => button.id));
  return ids.map((id) => nav.locator(`#${id}`));
}
