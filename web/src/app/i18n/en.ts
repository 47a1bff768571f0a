import { Translations } from './sv';

export const en: Translations = {
  app: {
    name: 'Kunna',
    tagline: 'Competence development at the workplace',
    skipToContent: 'Skip to content',
    language: 'Language',
    loading: 'Loading …',
    signOut: 'Sign out',
    mainNav: 'Main menu',
  },
  nav: {
    home: 'Home',
  },
  signIn: {
    title: 'Sign in',
    identifier: 'E-mail or employee number',
    identifierHint: 'No work e-mail? Enter your employee number and choose your organisation.',
    organisation: 'Organisation',
    organisationAny: 'Choose organisation (needed for employee numbers)',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Wrong e-mail, employee number or password.',
    haveCode: 'Did your manager give you a code?',
  },
  home: {
    greeting: 'Hello {name}!',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    network: 'No contact with the server. Check the network and try again.',
    sessionEnded: 'You were signed out because you were inactive for a while.',
  },
  language: { sv: 'Svenska', en: 'English' },
};
