/** Swedish, the default language. Plain Swedish (klarspråk): short sentences, the workplace's own words. */
export const sv = {
  app: {
    name: 'Kunna',
    tagline: 'Kompetensutveckling på arbetsplatsen',
    skipToContent: 'Hoppa till innehållet',
    language: 'Språk',
    loading: 'Laddar …',
    signOut: 'Logga ut',
    mainNav: 'Huvudmeny',
  },
  nav: {
    home: 'Start',
  },
  signIn: {
    title: 'Logga in',
    identifier: 'E-post eller anställningsnummer',
    identifierHint: 'Har du ingen e-post på jobbet? Skriv ditt anställningsnummer och välj din organisation.',
    organisation: 'Organisation',
    organisationAny: 'Välj organisation (behövs för anställningsnummer)',
    password: 'Lösenord',
    submit: 'Logga in',
    failed: 'Fel e-post, anställningsnummer eller lösenord.',
    haveCode: 'Har du fått en kod av din chef?',
  },
  home: {
    greeting: 'Hej {name}!',
  },
  errors: {
    generic: 'Något gick fel. Försök igen.',
    network: 'Ingen kontakt med servern. Kontrollera nätverket och försök igen.',
    sessionEnded: 'Du har loggats ut eftersom du inte har varit aktiv på en stund.',
  },
  language: { sv: 'Svenska', en: 'English' },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must fill in. */
export type Translations = Widen<typeof sv>;
