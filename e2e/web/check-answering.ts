import type { Locator, Page } from 'playwright-core';
import { sv } from './demo';

/**
 * Answers every question of the open check, one screen at a time: `step` is the answer on the four-step scales
 * (2 = with help, 4 = confidently), the first option for knowledge questions, "Ja" for the others.
 */
export async function answerAll(page: Page, step: '2' | '4'): Promise<number> {
  let answered = 0;
  for (;;) {
    const ready = page.getByRole('heading', { name: sv.checks.answer.readyTitle });
    const legend = page.locator('form.question legend');
    await ready.or(legend).first().waitFor();
    if (await ready.isVisible()) return answered;
    const labels = [sv.checks.scale.selfRating[step], sv.checks.scale.agreement[step], sv.checks.choice.yes];
    let choice: Locator | null = null;
    for (const label of labels) {
      const candidate = page.getByRole('radio', { name: label, exact: true });
      if (await candidate.count()) {
        choice = candidate;
        break;
      }
    }
    await (choice ?? page.getByRole('radio').first()).check();
    const progress = await page.getByText(/^Fråga \d+ av \d+$/).innerText();
    await page.getByRole('button', { name: sv.checks.answer.saveNext, exact: true }).click();
    // Knowledge questions show right or wrong and why before moving on.
    const feedback = page.getByRole('button', { name: sv.checks.answer.next, exact: true });
    await page.waitForFunction(
      ([before, next]) =>
        !document.body.innerText.includes(before) || Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.trim() === next),
      [progress, sv.checks.answer.next],
    );
    if (await feedback.isVisible()) {
      await page
        .getByRole('status')
        .filter({ hasText: /Rätt svar!|Inte riktigt\./ })
        .waitFor();
      await feedback.click();
      await page.waitForFunction((before) => !document.body.innerText.includes(before), progress);
    }
    answered++;
  }
}
