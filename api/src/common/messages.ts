import type { ApiError, UiLanguage } from '@kunna/contracts';

/**
 * Server messages in the caller's language. The code writes its messages in Swedish (the default and the
 * language most callers read); the exception filter translates an answer at the edge when the caller reads
 * English. A message without an English entry stays Swedish: better understood by a colleague than hidden.
 *
 * Add a feature's own messages with `addEnglishMessages` (exact text) or `addEnglishPatterns` (text with values).
 */
const ENGLISH = new Map<string, string>(
  Object.entries({
    // Central answers (errors.ts, the access guard, http-errors.ts)
    'Uppgifterna är inte giltiga.': 'The details are not valid.',
    'Uppgifterna är inte giltiga. De första 20 problemen visas.': 'The details are not valid. The first 20 problems are shown.',
    'Ska vara ett id (UUID).': 'Must be an id (UUID).',
    'Fältet finns inte här. Ta bort det.': 'This field does not belong here. Remove it.',
    'Fältet saknas.': 'The field is missing.',
    'Fyll i fältet.': 'Fill in the field.',
    'Ska vara text.': 'Must be text.',
    'Ska vara ett heltal.': 'Must be a whole number.',
    'Ska vara ett tal.': 'Must be a number.',
    'Ska vara större än noll.': 'Must be greater than zero.',
    'Värdet är för litet.': 'The value is too small.',
    'Värdet är för stort.': 'The value is too large.',
    'Ska vara sant eller falskt.': 'Must be true or false.',
    'Har fel format.': 'Has the wrong format.',
    'Ange en giltig e-postadress.': 'Enter a valid e-mail address.',
    'Värdet är inte ett av de tillåtna.': 'The value is not one of those allowed.',
    'Ange ett datum som ÅÅÅÅ-MM-DD.': 'Enter a date as YYYY-MM-DD.',
    'Texten är för kort.': 'The text is too short.',
    'Texten är för lång.': 'The text is too long.',
    'Texten har fel längd.': 'The text has the wrong length.',
    'Ska vara en lista.': 'Must be a list.',
    'Listan får inte vara tom.': 'The list must not be empty.',
    'Listan har för få värden.': 'The list has too few values.',
    'Listan har för många värden.': 'The list has too many values.',
    'Listan har dubbletter.': 'The list has duplicates.',
    'Har fel form.': 'Has the wrong shape.',
    'Förfrågan har fel form.': 'The request has the wrong shape.',
    'Värdet är inte giltigt.': 'The value is not valid.',
    'Det finns redan en post med samma värde.': 'There is already a record with the same value.',
    'Posten hänvisar till något som inte finns eller används av annat.': 'The record refers to something that does not exist or is used by something else.',
    'Ett värde är utanför tillåtet intervall.': 'A value is outside the allowed range.',
    'Ett värde har fel format.': 'A value has the wrong format.',
    'Ett värde är för långt.': 'A value is too long.',
    'Ett tal är utanför tillåtet intervall.': 'A number is outside the allowed range.',
    'Ett datum har fel format.': 'A date has the wrong format.',
    'Ett datum är utanför tillåtet intervall.': 'A date is outside the allowed range.',
    'Databasen svarar inte just nu. Försök igen om en stund.': 'The database is not answering right now. Try again in a moment.',
    'Kunna har många förfrågningar just nu. Försök igen om en stund.': 'Kunna has many requests right now. Try again in a moment.',
    'Något gick fel hos oss. Försök igen.': 'Something went wrong on our side. Try again.',
    'Förfrågan är för stor.': 'The request is too large.',
    'Förfrågan är inte giltig JSON.': 'The request is not valid JSON.',
    'Förfrågan kunde inte läsas.': 'The request could not be read.',
    'Texten innehåller ett otillåtet tecken (NUL).': 'The text contains a character that is not allowed (NUL).',
    'Ett värde innehåller ett otillåtet tecken.': 'A value contains a character that is not allowed.',
    'Åtkomst nekad.': 'Access denied.',
    'Du behöver logga in.': 'You need to sign in.',
    'Du har inte behörighet till detta.': 'You are not allowed to do this.',
    'Hittades inte.': 'Not found.',
    // The locked kiosk (the access guard, api/src/kiosk)
    'Surfplattan kan bara användas för mätningen den startades för.': 'This tablet can only be used for the check it was started for.',
    'Bara för surfplatteläget.': 'Only for kiosk mode.',
    'Surfplatteläget avslutas med ditt lösenord i Kunna, och du har inget. Be en administratör om en kod för att välja ett.':
      'Kiosk mode is ended with your Kunna password, and you have none. Ask an administrator for a code to choose one.',
    'Lösenordet stämmer inte. Bara den som startade surfplatteläget kan avsluta det.':
      'The password is not right. Only the person who started kiosk mode can end it.',
    'Fyll i ditt lösenord.': 'Fill in your password.',
    'Koden finns inte. Kontrollera den och försök igen.': 'The code does not exist. Check it and try again.',
    'Mätningen är inte öppen just nu.': 'The check is not open right now.',
    'Ogiltig CSRF-token. Ladda om sidan.': 'Invalid CSRF token. Reload the page.',
    'Ogiltigt ursprung.': 'Invalid origin.',
    // Attendance marks cleared, targets (sessions, insights)
    'Markeringen har redan ersatts av en nyare. Ladda om listan och försök igen.':
      'The mark has already been replaced by a newer one. Reload the list and try again.',
    'Tillfället är inställt: närvaro kan inte ändras.': 'The session is cancelled: attendance cannot be changed.',
    'Tidpunkten (clearedAt) måste vara en ISO-tidpunkt.': 'The time (clearedAt) must be an ISO timestamp.',
    'Enheten har redan ett mål för programmet. Ändra det målet i stället.': 'The unit already has a target for the program. Change that target instead.',
    // Sign-in, codes, passwords, sessions (auth)
    'Välj organisation för att logga in.': 'Choose your organisation to sign in.',
    'Fel inloggningsuppgifter.': 'Wrong sign-in details.',
    'Koden är ogiltig, redan använd eller har gått ut.': 'The code is not valid, already used or expired.',
    'Nuvarande lösenord stämmer inte.': 'The current password is not right.',
    'Lösenordet måste ha minst 10 tecken.': 'The password must have at least 10 characters.',
    'Lösenordet får ha högst 128 tecken.': 'The password may have at most 128 characters.',
    'Lösenordet är för vanligt. Välj ett annat.': 'The password is too common. Choose another one.',
    'Lösenordet kan inte bara vara mellanslag. Använd bokstäver, siffror eller tecken.': 'The password cannot be only spaces. Use letters, digits or symbols.',
    'Lösenordet liknar ditt namn, din e-post, din arbetsplats eller Kunna. Välj något som inte handlar om dig eller jobbet.':
      'The password resembles your name, your e-mail, your workplace or Kunna. Choose something that is not about you or your work.',
    'Lösenordet är för lätt att gissa. Använd gärna tre eller fyra ord som inte hör ihop, till exempel Gröna-tallar-vid-sjön.':
      'The password is too easy to guess. Try three or four words that do not belong together, for example Green-pines-by-the-lake.',
    'Det nya lösenordet är samma som det du har nu. Välj ett nytt.': 'The new password is the same as your current one. Choose a new one.',
    'Lösenordet är för långt.': 'The password is too long.',
    'Sessionen finns inte.': 'The session does not exist.',
    'E-post eller anställningsnummer är för långt.': 'The e-mail or employee number is too long.',
    'Fyll i e-post eller anställningsnummer.': 'Fill in your e-mail or employee number.',
    'Fyll i lösenord.': 'Fill in your password.',
    'Välj en organisation i listan.': 'Choose an organisation from the list.',
    'Koden är för lång.': 'The code is too long.',
    'Fyll i koden.': 'Fill in the code.',
    'Fyll i ett nytt lösenord.': 'Fill in a new password.',
    'Fyll i nuvarande lösenord.': 'Fill in your current password.',
    'Välj ett av språken i listan.': 'Choose one of the languages in the list.',
  }),
);

type Pattern = [RegExp, (...groups: string[]) => string];

const minutes = (count: string) => `${count} ${count === '1' ? 'minute' : 'minutes'}`;

const PATTERNS: Pattern[] = [
  [
    /^För många misslyckade inloggningar\. Försök igen om (\d+) minut(?:er)? eller be din chef om en ny kod\.$/,
    (count) => `Too many failed sign-ins. Try again in ${minutes(count)}, or ask your manager for a new code.`,
  ],
  [/^För många felaktiga koder\. Försök igen om (\d+) minut(?:er)?\.$/, (count) => `Too many wrong codes. Try again in ${minutes(count)}.`],
  [
    /^För många felaktiga försök med nuvarande lösenord\. Försök igen om (\d+) minut(?:er)?\.$/,
    (count) => `Too many wrong attempts at the current password. Try again in ${minutes(count)}.`,
  ],
];

/** Registers exact English translations of a feature's Swedish messages. */
export function addEnglishMessages(messages: Record<string, string>): void {
  for (const [swedish, english] of Object.entries(messages)) ENGLISH.set(swedish, english);
}

/** Registers English translations of Swedish messages that carry values (captured by the pattern's groups). */
export function addEnglishPatterns(patterns: Pattern[]): void {
  PATTERNS.push(...patterns);
}

/** One message in `language` (messages are written in Swedish). */
export function translateMessage(message: string, language: UiLanguage): string {
  if (language === 'sv') return message;
  const exact = ENGLISH.get(message);
  if (exact !== undefined) return exact;
  for (const [pattern, english] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return english(...match.slice(1));
  }
  return message;
}

/** The error body with its message and every field message in `language`. */
export function localiseError<T extends ApiError>(body: T, language: UiLanguage): T {
  if (language === 'sv') return body;
  return {
    ...body,
    message: translateMessage(body.message, language),
    ...(Array.isArray(body.details) ? { details: body.details.map((detail) => ({ ...detail, message: translateMessage(detail.message, language) })) } : {}),
  };
}

/**
 * The language to answer in: the first of Swedish or English in Accept-Language (the web app sends the
 * language its pages are shown in), else the signed-in person's preferred language, else Swedish.
 */
export function answerLanguage(acceptLanguage: string | undefined, preferred: UiLanguage | undefined): UiLanguage {
  return fromAcceptLanguage(acceptLanguage) ?? preferred ?? 'sv';
}

/** `sv-SE,sv;q=0.9,en;q=0.8` → sv. Ranges other than Swedish and English (and `*`) are skipped. */
export function fromAcceptLanguage(header: string | undefined): UiLanguage | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(';');
      const q = parameters.map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(parameter)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.q > 0 && Number.isFinite(range.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranges.find((range) => range.language === 'sv' || range.language === 'en');
  return found ? (found.language as UiLanguage) : null;
}
