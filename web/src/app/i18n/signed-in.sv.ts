import { competenceSv } from './competence.sv';
import { profilesSv } from './profiles.sv';
import { librarySv } from './library.sv';
import { calendarSv } from './calendar.sv';
import { todaySv } from './today.sv';
import { sessionsPlanSv } from './sessions-plan.sv';
import { checkTranslationsSv } from './check-translations.sv';
import { pagesSv } from './pages.sv';

/**
 * Swedish texts of the pages inside the shell (signed in) that no page outside it uses: the sign-in, code and kiosk
 * pages never show them. They come with the shell's chunk (Shell adds them with I18n.addSwedish), which keeps the
 * initial bundle within its budget (web/angular.json); English carries them in its own chunk.
 */
export const signedInSv = {
  ...pagesSv,
  ...librarySv,
  ...checkTranslationsSv,
  ...competenceSv,
  ...calendarSv,
  ...todaySv,
  ...profilesSv,
  ...sessionsPlanSv,
};
