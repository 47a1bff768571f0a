import type { KeptFigures } from './insights';
import type { StaffLanguage } from './languages';
/**
 * Before/after competence checks (före/efter-mätning): instruments, common core items, assignments to a
 * unit (and a session or program), rounds with a short link, answers saved per item, own results,
 * the ambassador's support signals and protected aggregates.
 */

import { CompetenceDimension } from './library';

/** The SIS competence dimensions (kunskap, färdigheter, förmåga, vilja) in display order. */
export const COMPETENCE_DIMENSIONS: readonly CompetenceDimension[] = [
  CompetenceDimension.Knowledge,
  CompetenceDimension.Skills,
  CompetenceDimension.Ability,
  CompetenceDimension.Will,
];

export enum CheckItemKind {
  /** "Jag kan …" on the four-step self-test scale. */
  SelfRating = 'self_rating',
  /** Agreement with an attitude statement (vilja), four steps. */
  Attitude = 'attitude',
  /** Retrospective rating at the after check of how it was before ("Innan tillfället kunde jag …"). */
  Then = 'then',
  /** Rated by an ambassador watching a real task, four steps; never shown to the person as a question. */
  Observation = 'observation',
  /** Single or multiple choice with correct option(s) and an explanation shown after answering. */
  Knowledge = 'knowledge',
  /** After the session: "Lärde du dig något nytt?" (ja / delvis / nej). */
  PostSession = 'post_session',
  /** At follow-up: "Har du använt det sedan tillfället?" (ja / delvis / nej). */
  FollowUp = 'follow_up',
}

export enum CheckKind {
  Before = 'before',
  After = 'after',
  FollowUp = 'follow_up',
}

/** Which kinds of check show an item kind to the person (observation items are rated by an ambassador). */
export const ITEM_KIND_PHASES: Readonly<Record<CheckItemKind, readonly CheckKind[]>> = {
  [CheckItemKind.SelfRating]: [CheckKind.Before, CheckKind.After, CheckKind.FollowUp],
  [CheckItemKind.Attitude]: [CheckKind.Before, CheckKind.After, CheckKind.FollowUp],
  [CheckItemKind.Knowledge]: [CheckKind.Before, CheckKind.After, CheckKind.FollowUp],
  [CheckItemKind.Then]: [CheckKind.After],
  [CheckItemKind.PostSession]: [CheckKind.After],
  [CheckItemKind.FollowUp]: [CheckKind.FollowUp],
  [CheckItemKind.Observation]: [CheckKind.Before, CheckKind.After, CheckKind.FollowUp],
};

/** Item kinds answered on the four steps (1–4). */
export const RATED_ITEM_KINDS: readonly CheckItemKind[] = [CheckItemKind.SelfRating, CheckItemKind.Attitude, CheckItemKind.Then, CheckItemKind.Observation];

export type ParallelForm = 'A' | 'B';
export type YesPartlyNo = 'yes' | 'partly' | 'no';

export interface CheckItemOption {
  key: string;
  textSv: string;
  textEn: string | null;
  correct: boolean;
}

export interface CheckItem {
  /** Stable within the instrument (answers refer to it); core items use `core-<id>`. */
  key: string;
  kind: CheckItemKind;
  textSv: string;
  textEn: string | null;
  /** Required for self-rating, attitude, then, observation and knowledge items. */
  dimension: CompetenceDimension | null;
  /** DigComp 2.2 competence code such as "1.2"; optional. */
  digCompCode: string | null;
  /** Then items: the self-rating item they look back on. */
  thenOf: string | null;
  /** Knowledge items: parallel form A or B (swapped between before and after); null = asked every time. */
  form: ParallelForm | null;
  /** Knowledge items: more than one option may be right. */
  multiple: boolean;
  options: CheckItemOption[];
  explanationSv: string | null;
  explanationEn: string | null;
  /** Set for the network's common core items: included unchanged, locked in the editor. */
  coreItemId: string | null;
}

/** What an editor sends for an item (core items are added by the server, never sent). */
export type CheckItemInput = Omit<CheckItem, 'coreItemId'>;

export interface CoreItem extends Omit<CheckItem, 'coreItemId' | 'key'> {
  id: string;
  key: string;
  networkId: string;
  retiredAt: string | null;
  createdAt: string;
}

export type CreateCoreItemRequest = Omit<CheckItemInput, 'key'>;

export interface InstrumentVersionSummary {
  id: string;
  version: number;
  publishedAt: string;
  itemCount: number;
}

export interface InstrumentDraft {
  title: string;
  descriptionSv: string | null;
  /** Mean self-rating below this at the latest check gives a "may need support" signal (1–4, default 2). */
  supportThreshold: number;
  items: CheckItemInput[];
}

export interface InstrumentSummary {
  id: string;
  title: string;
  latestVersion: number | null;
  latestVersionId: string | null;
  hasDraft: boolean;
  updatedAt: string;
}

export interface InstrumentDetail {
  id: string;
  organisationId: string;
  title: string;
  /** The editable draft, core items included and marked; null when there is none. */
  draft: (Omit<InstrumentDraft, 'items'> & { items: CheckItem[] }) | null;
  versions: InstrumentVersionSummary[];
  /** Core items of the network in force now: a new draft or publish includes them. */
  coreItems: CoreItem[];
}

export interface InstrumentVersion {
  id: string;
  instrumentId: string;
  version: number;
  title: string;
  descriptionSv: string | null;
  supportThreshold: number;
  items: CheckItem[];
  publishedAt: string;
}

export interface CreateInstrumentRequest {
  title: string;
}

export interface CheckRound {
  id: string;
  kind: CheckKind;
  /** Short code for the link `/m/<code>` and the QR code. */
  code: string;
  opensOn: string;
  closesOn: string | null;
  /** Submitted or declined / invited. */
  answered: number;
  invited: number;
}

/**
 * Checks assigned to a unit, optionally for a session or a program; the before, after and follow-up rounds
 * pair up by person within one assignment.
 */
export interface CheckAssignment {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  instrumentId: string;
  instrumentVersionId: string;
  instrumentTitle: string;
  version: number;
  sessionId: string | null;
  programId: string | null;
  followUpWeeks: number;
  /** The day the follow-up round is scheduled to open (set once the after round is open, until it opens). */
  followUpDueOn: string | null;
  /** A cancelled check opens no more rounds and schedules no follow-up. */
  cancelledAt: string | null;
  createdAt: string;
  rounds: CheckRound[];
}

export interface CreateCheckAssignmentRequest {
  /** Client-generated: a retried create returns the same assignment. */
  id: string;
  unitId: string;
  instrumentVersionId: string;
  title: string;
  sessionId?: string | null;
  programId?: string | null;
  followUpWeeks?: number;
}

export interface CancelAssignmentRequest {
  /** Why the check is cancelled (kept in the audit log). */
  reason: string;
}

export interface OpenRoundRequest {
  kind: CheckKind;
}

/** A question as the person sees it: never the correct options before answering. */
export interface CheckQuestion {
  key: string;
  kind: CheckItemKind;
  textSv: string;
  textEn: string | null;
  multiple: boolean;
  options: Array<{
    key: string;
    textSv: string;
    textEn: string | null;
    /** The option in the question's `language`, when a translation is shown. */
    text?: string;
    /** An audio file of the option read aloud, when the instrument's owner attached one (the "Lyssna" button). */
    audioUrl?: string | null;
  }>;
  /**
   * The language `text` (and each option's `text`) is in: the one asked for when a translation is shown
   * (reviewed, or a draft the instrument owner allows), else Swedish. Absent where no language was chosen.
   */
  language?: string;
  text?: string;
  /** `draft` when the text shown is an unreviewed translation (say so to the reader); null for the original. */
  translationStatus?: TranslationStatus | null;
  translationSource?: TranslationSource | null;
  /** The item read aloud in `language`, when the instrument owner attached a recording (the "Lyssna" button). */
  audioUrl?: string | null;
}

export interface CheckAnswerValue {
  /** 1–4 for self-rating, attitude and then items. */
  rating?: number;
  /** Chosen option keys for knowledge items. */
  options?: string[];
  /** Post-session and follow-up items. */
  choice?: YesPartlyNo;
}

export interface SaveAnswerRequest {
  value?: CheckAnswerValue | null;
  /** "Vill inte svara": recorded as declined, never as a low score. */
  declined?: boolean;
}

/** What finishing a kiosk answer left it as: `submitted`, `declined`, or what it already was when finished before. */
export interface KioskAnswerFinished {
  status: string;
}

/** An ambassador's observation rating was saved (the rating itself is not sent back). */
export interface ObservationSaved {
  saved: true;
}

/** Knowledge items get their explanation and the right options once answered. */
export interface SavedAnswer {
  itemKey: string;
  declined: boolean;
  value: CheckAnswerValue | null;
  correct: boolean | null;
  correctOptions: string[] | null;
  explanationSv: string | null;
  explanationEn: string | null;
}

export type ResponseStatus = 'in_progress' | 'submitted' | 'declined';

/** The person's own check in progress (through the link, signed in). */
export interface CheckForm {
  roundId: string;
  responseId: string;
  kind: CheckKind;
  title: string;
  status: ResponseStatus;
  /** The language the answers are recorded in (the one the form was opened in). */
  language?: string;
  questions: CheckQuestion[];
  /** The person's own saved answers: only ever sent to the person. */
  answers: SavedAnswer[];
}

export interface KioskRosterEntry {
  personId: string;
  /** First name and the initial of the last name: enough to find oneself on a shared tablet. */
  displayName: string;
}

export interface KioskRoster {
  roundId: string;
  kind: CheckKind;
  title: string;
  unitName: string;
  people: KioskRosterEntry[];
}

export interface StartKioskResponseRequest {
  /** Client-generated: a retried start returns the same response. */
  responseId: string;
  personId: string;
}

/**
 * A browser turned into the locked kiosk of one check round. The credential itself is an http-only cookie; it
 * serves the round's roster and answering only, and every other route refuses it (`KIOSK_REFUSED`).
 */
export interface KioskCredential {
  roundId: string;
  /** Sent on the kiosk's writes, like a signed-in session's. */
  csrfToken: string;
  /** The kiosk ends after this long without use, like a session. */
  idleTimeoutSeconds: number;
}

export interface LeaveKioskRequest {
  /** The password of the person who started the kiosk. */
  password: string;
}

/** The error code every route except the kiosk's own answers a kiosk credential with (403). */
export const KIOSK_REFUSED = 'kioskCredential';
/** The error code of the kiosk's own routes (state, leaving) for a caller without a kiosk credential (403). */
export const NOT_KIOSK = 'notKiosk';

/** What an answer code is for, shown before signing in: nothing personal, nothing but the check and its workplace. */
export interface CheckCodePreview {
  code: string;
  title: string;
  unitName: string;
  /** Preselected on the sign-in form (employee numbers are unique per organisation only). */
  organisationId: string;
  organisationName: string;
}

/** A kiosk response holds no earlier answers: the tablet only writes. */
export interface KioskForm {
  responseId: string;
  /**
   * The language of this person's turn: the one chosen on the tablet for them, else their own account's (the kiosk
   * shows their turn in it, and the questions' translations are in it where there are any).
   */
  language: StaffLanguage;
  kind: CheckKind;
  title: string;
  questions: CheckQuestion[];
}

export interface SaveObservationRequest {
  personId: string;
  itemKey: string;
  rating: number;
}

export interface DimensionProgress {
  dimension: CompetenceDimension;
  /** Mean of the person's own four-step answers (1–4); null when none. */
  before: number | null;
  after: number | null;
  followUp: number | null;
}

export interface KnowledgeProgress {
  /** Share of knowledge questions right (0–1). */
  before: number | null;
  after: number | null;
  followUp: number | null;
}

export interface MyCheckResult {
  assignmentId: string;
  title: string;
  unitName: string;
  dimensions: DimensionProgress[];
  knowledge: KnowledgeProgress;
  /** Means of what an ambassador observed per dimension (1–4): shown to the person only. */
  observed: DimensionProgress[];
}

export interface PendingCheck {
  code: string;
  title: string;
  kind: CheckKind;
  status: ResponseStatus | null;
}

export interface MyChecks {
  pending: PendingCheck[];
  results: MyCheckResult[];
}

export interface CheckAssignmentListQuery {
  unitId?: string;
}

export interface SupportSignalsQuery {
  unitId: string;
}

/** `?language=` on the answering routes: the language to show the questions in and record the answers in. */
export interface AnswerLanguageQuery {
  language?: StaffLanguage;
}

export interface SupportSignal {
  personId: string;
  name: string;
  assignmentId: string;
  assignmentTitle: string;
  /** The kind of the latest check that crossed the threshold. */
  kind: CheckKind;
}

export interface ResultsQuery {
  instrumentId: string;
  /** A unit, or an area; without both the whole organisation. */
  unitId?: string;
  areaId?: string;
  /** Optional subgroup by job title or employment type. */
  roleTitle?: string;
  employmentType?: 'permanent' | 'substitute' | 'hourly';
}

export type ResultsSuppressionReason = 'belowMinimum' | 'differencing';

export interface DimensionResult {
  /** A dimension, or `knowledge_test` for the share of knowledge questions answered right. */
  key: string;
  invited: number;
  pairs: number;
  /** Null when withheld. */
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  confidenceInterval: { lower: number; upper: number } | null;
  effectSizeDz: number | null;
  shareImproved: number | null;
  withheld: string[];
  suppressed: boolean;
}

export interface CheckResults extends KeptFigures {
  minimumGroupSize: number;
  /** True when the whole answer is withheld; `reason` says why, nothing else is given. */
  suppressed: boolean;
  reason: ResultsSuppressionReason | null;
  dimensions: DimensionResult[];
}

// --- translated check items (issue 18) ---

/** A translation is a draft until a named person has reviewed it; `machine` ones were made by a translation tool. */
export type TranslationStatus = 'draft' | 'reviewed';
export type TranslationSource = 'machine' | 'human';

/** One item's text (and its options' texts) in one language, with who made it and who reviewed it. */
export interface ItemTranslation {
  id: string;
  itemKey: string;
  /** A staff language other than Swedish (the original). */
  language: string;
  text: string;
  /** Option key → translated text (knowledge items). */
  options: Record<string, string>;
  source: TranslationSource;
  status: TranslationStatus;
  /** Network-shared (a core item's translation for every organisation) or the organisation's own. */
  shared: boolean;
  /** The Swedish text it was translated from; `stale` when the item's Swedish text has changed since. */
  sourceText: string;
  stale: boolean;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
}

/** An audio recording of one item in one language, attached by the instrument owner. */
export interface ItemAudio {
  itemKey: string;
  language: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  createdAt: string;
  url: string;
}

export interface TranslatableItem {
  key: string;
  kind: CheckItemKind;
  textSv: string;
  coreItemId: string | null;
  options: Array<{ key: string; textSv: string }>;
  /** Every translation that applies: the organisation's own before a network-shared one of the same language. */
  translations: ItemTranslation[];
  audio: ItemAudio[];
}

export interface InstrumentTranslations {
  instrumentId: string;
  /** The owner lets staff see draft (unreviewed) translations; otherwise only reviewed ones are shown. */
  allowDraftTranslations: boolean;
  /** The items of the latest published version (else of the draft). */
  items: TranslatableItem[];
}

export interface CreateTranslationRequest {
  itemKey: string;
  language: string;
  text: string;
  options?: Record<string, string>;
  /** `machine` for text from a translation tool; both start as drafts. */
  source: TranslationSource;
}

export interface UpdateTranslationRequest {
  text: string;
  options?: Record<string, string>;
}

export interface TranslationSettingsRequest {
  allowDraftTranslations: boolean;
}

/** Response and pairing rates of one instrument by the language answers were given in (HR). */
export interface LanguageRate {
  language: string;
  /** People who started a response in the language (any round). */
  started: number | null;
  /** Of the started responses, the share submitted (not declined, not left unfinished). */
  responseRate: number | null;
  /** Of the people with a submitted before answer in the language, the share with a submitted after answer too. */
  pairingRate: number | null;
  suppressed: boolean;
}

export interface LanguageRates {
  minimumGroupSize: number;
  suppressed: boolean;
  reason: ResultsSuppressionReason | null;
  languages: LanguageRate[];
}

export interface LanguageRatesQuery {
  instrumentId: string;
  unitId?: string;
  areaId?: string;
}
