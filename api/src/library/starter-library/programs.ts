import { ProgramDeadlineBase, ProgramKind } from '@kunna/contracts';
import type { StarterProgram } from './starter-types';

/** The workplace modules an ambassador delivers after the ambassador training. */
const WORKPLACE_MODULES = [
  'it-pa-jobbet',
  'teams-digitala-moten',
  'siths-bankid-inloggning',
  'digital-kalender-schema',
  'digital-signering-lakemedel',
  'nyckelfria-las',
  'trygghetslarm',
  'nattillsyn-kamera',
  'prova-valfardsteknik',
  'dokumentation-journal',
  'informationssakerhet-sekretess',
];

export const STARTER_PROGRAMS: StarterProgram[] = [
  {
    key: 'ombudsutbildning',
    title: 'Utbildning för digitaliseringsombud',
    summary:
      'Utbildningen för nya ombud: ombudsrollen, enskilt stöd och genomgång av arbetsplatsens viktigaste moduler. ' +
      'Den som har gått hela utbildningen får leda arbetsplatsmodulerna i biblioteket.',
    kind: ProgramKind.AmbassadorTraining,
    completeWithinDays: 90,
    deadlineBase: ProgramDeadlineBase.AssignmentStart,
    steps: [
      { module: 'ombudsrollen', daysAfterPrevious: 0, note: 'Första dagen.' },
      { module: 'enskilt-stod', daysAfterPrevious: 14 },
      { module: 'it-pa-jobbet', daysAfterPrevious: 14, note: 'Ombudet leder delar av träffen själv.' },
      { module: 'informationssakerhet-sekretess', daysAfterPrevious: 14 },
      { module: 'teams-digitala-moten', daysAfterPrevious: 14, note: 'Ombudet leder hela träffen med samordnaren som stöd.' },
    ],
    qualifies: WORKPLACE_MODULES,
  },
  {
    key: 'introduktion-nyanstallda',
    title: 'Introduktion för nyanställda',
    summary:
      'Det digitala i introduktionen: inloggning, säkerhet, dokumentation, schema och trygghetslarm. Ska vara klar inom ' +
      '30 dagar från första arbetsdagen, gärna med ett ombud som stöd.',
    kind: ProgramKind.Onboarding,
    completeWithinDays: 30,
    deadlineBase: ProgramDeadlineBase.EmploymentStart,
    steps: [
      { module: 'siths-bankid-inloggning', daysAfterPrevious: 0, note: 'Första dagen, innan du loggar in i verksamhetssystemet.' },
      { module: 'it-pa-jobbet', daysAfterPrevious: 0 },
      { module: 'informationssakerhet-sekretess', daysAfterPrevious: 3 },
      { module: 'dokumentation-journal', daysAfterPrevious: 4 },
      { module: 'digital-kalender-schema', daysAfterPrevious: 7 },
      { module: 'trygghetslarm', daysAfterPrevious: 7, note: 'För hemtjänst och boenden med trygghetslarm.' },
    ],
    qualifies: [],
  },
  {
    key: 'fem-arbetsplatstraffar',
    title: 'Fem arbetsplatsträffar om digitala arbetssätt',
    summary:
      'Fem korta teman under ett halvår, en träff var fjärde vecka, ledda av arbetsplatsens ombud. Bygger på det som ' +
      'fungerade bäst i utvärderingarna: återkommande korta träffar med egna system och verkliga fall.',
    kind: ProgramKind.ThemedSeries,
    completeWithinDays: null,
    deadlineBase: ProgramDeadlineBase.AssignmentStart,
    steps: [
      { module: 'teams-digitala-moten', daysAfterPrevious: 0 },
      { module: 'dokumentation-journal', daysAfterPrevious: 28 },
      { module: 'informationssakerhet-sekretess', daysAfterPrevious: 28 },
      { module: 'digital-signering-lakemedel', daysAfterPrevious: 28 },
      { module: 'prova-valfardsteknik', daysAfterPrevious: 28 },
    ],
    qualifies: [],
  },
];
