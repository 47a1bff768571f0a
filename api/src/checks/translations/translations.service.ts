import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ApiRoutes,
  CheckItem,
  CheckQuestion,
  CreateTranslationRequest,
  InstrumentTranslations,
  ItemAudio,
  ItemTranslation,
  isStaffLanguage,
  LanguageRate,
  LanguageRates,
  LanguageRatesQuery,
  Role,
  rolesOf,
  routePath,
  StaffLanguage,
  UpdateTranslationRequest,
} from '@kunna/contracts';
import { effectiveMinimum } from '@kunna/learning-gain';
import { AuditService } from '../../database/audit.service';
import { type Caller, callerCanSee, callerCovers, hasRole } from '../../auth';
import { validationError } from '../../common/errors';
import { forbidden, notFound, stateConflict } from '../../common/http-errors';
import { PrivacyGate, type GateElement } from '../../privacy';
import { AnsweringRepository } from '../answering/answering.repository';
import { coreKey } from '../instruments/instrument-items';
import { InstrumentsRepository } from '../instruments/instruments.repository';
import { ResultsRepository } from '../results/results.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import { detectAudioType, AUDIO_MAX_BYTES } from './audio-type';
import { AudioRow, TranslationRow, TranslationsRepository } from './translations.repository';

const TEXT_MAX = 500;
/** Who may see the by-language rates: organisation-wide roles (the figures are about the whole organisation's checks). */
export const LANGUAGE_RATE_ROLES = rolesOf('translations.languageRates');

export interface UploadedAudio {
  originalname: string;
  buffer: Buffer;
}

/** A question's texts in the chosen language, as `localize` gives them. */
type Localizable = Pick<CheckItem, 'key'> & CheckQuestion;

/**
 * Translations of check items with provenance and review (issue 18). Staff are shown a translation when it is
 * reviewed, or a draft when the instrument owner allows drafts; otherwise the item stays Swedish. The answers keep
 * the item key, whatever the language, so pairing and every figure treat an item as one item.
 */
@Injectable()
export class TranslationsService {
  constructor(
    private readonly repository: TranslationsRepository,
    private readonly instruments: InstrumentsRepository,
    private readonly rounds: RoundsRepository,
    private readonly answering: AnsweringRepository,
    private readonly results: ResultsRepository,
    private readonly audit: AuditService,
    private readonly gate: PrivacyGate,
  ) {}

  // --- the instrument owner's view ---

  async list(caller: Caller, instrumentId: string): Promise<InstrumentTranslations> {
    const items = await this.currentItems(caller, instrumentId);
    const rows = await this.repository.forInstrument(
      instrumentId,
      caller.networkId,
      items.filter((i) => i.coreItemId).map((i) => i.key),
    );
    const audio = await this.repository.audioOf(instrumentId);
    return {
      instrumentId,
      allowDraftTranslations: await this.repository.allowDrafts(instrumentId),
      items: items.map((item) => ({
        key: item.key,
        kind: item.kind,
        textSv: item.textSv,
        coreItemId: item.coreItemId,
        options: item.options.map((o) => ({ key: o.key, textSv: o.textSv })),
        translations: rows.filter((r) => r.itemKey === item.key).map((r) => toTranslation(r, item)),
        audio: audio.filter((a) => a.itemKey === item.key).map(toAudio),
      })),
    };
  }

  async create(caller: Caller, instrumentId: string, body: CreateTranslationRequest): Promise<ItemTranslation> {
    const items = await this.currentItems(caller, instrumentId);
    const item = items.find((i) => i.key === body.itemKey);
    if (!item) throw validationError([{ field: 'itemKey', message: 'Frågan finns inte i mätningen.' }]);
    const input = readInput(body, item, true);
    const id = await this.repository.insert({
      networkId: caller.networkId,
      organisationId: caller.organisationId,
      instrumentId,
      itemKey: item.key,
      language: input.language,
      text: input.text,
      options: input.options,
      sourceText: item.textSv,
      source: input.source,
      createdBy: caller.personId,
    });
    if (!id) throw stateConflict('Frågan har redan en översättning till språket. Ändra den i stället.', 'translation_exists');
    await this.audit.record({
      action: 'checks.translation.create',
      targetType: 'check_item_translation',
      targetId: id,
      details: { itemKey: item.key, language: input.language },
    });
    return this.one(id, item);
  }

  /** A network-shared translation of a core item, for every organisation of the network (coordinators). */
  async createShared(caller: Caller, coreItemId: string, body: CreateTranslationRequest): Promise<ItemTranslation> {
    const item = await this.coreItem(caller, coreItemId);
    const input = readInput({ ...body, itemKey: item.key }, item, true);
    const id = await this.repository.insert({
      networkId: caller.networkId,
      organisationId: null,
      instrumentId: null,
      itemKey: item.key,
      language: input.language,
      text: input.text,
      options: input.options,
      sourceText: item.textSv,
      source: input.source,
      createdBy: caller.personId,
    });
    if (!id) throw stateConflict('Frågan har redan en översättning till språket. Ändra den i stället.', 'translation_exists');
    await this.audit.record({
      action: 'checks.translation.create',
      targetType: 'check_item_translation',
      targetId: id,
      details: { itemKey: item.key, language: input.language, shared: true },
    });
    return this.one(id, item);
  }

  async shared(caller: Caller, coreItemId: string): Promise<ItemTranslation[]> {
    const item = await this.coreItem(caller, coreItemId);
    return (await this.repository.sharedForItem(caller.networkId, item.key)).map((r) => toTranslation(r, item));
  }

  async update(caller: Caller, id: string, body: UpdateTranslationRequest): Promise<ItemTranslation> {
    const { row, item } = await this.editable(caller, id);
    const input = readInput({ ...body, itemKey: row.itemKey, language: row.language, source: row.source }, item, false);
    await this.repository.update(id, input.text, input.options, item.textSv, caller.personId);
    await this.audit.record({ action: 'checks.translation.update', targetType: 'check_item_translation', targetId: id });
    return this.one(id, item);
  }

  /** Records who reviewed it and when; reviewing a reviewed translation again changes nothing. */
  async review(caller: Caller, id: string): Promise<ItemTranslation> {
    const { row, item } = await this.editable(caller, id);
    if (row.status !== 'reviewed') {
      await this.repository.review(id, caller.personId);
      await this.audit.record({ action: 'checks.translation.review', targetType: 'check_item_translation', targetId: id });
    }
    return this.one(id, item);
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.editable(caller, id);
    await this.repository.remove(id);
    await this.audit.record({ action: 'checks.translation.delete', targetType: 'check_item_translation', targetId: id });
  }

  async setAllowDrafts(caller: Caller, instrumentId: string, allow: boolean): Promise<InstrumentTranslations> {
    await this.ownInstrument(caller, instrumentId);
    await this.repository.setAllowDrafts(instrumentId, allow);
    await this.audit.record({
      action: 'checks.translation.settings',
      targetType: 'check_instrument',
      targetId: instrumentId,
      details: { allowDraftTranslations: allow },
    });
    return this.list(caller, instrumentId);
  }

  // --- recordings ---

  async uploadAudio(caller: Caller, instrumentId: string, itemKey: string, language: string, file: UploadedAudio | undefined): Promise<ItemAudio> {
    const items = await this.currentItems(caller, instrumentId);
    if (!items.some((i) => i.key === itemKey)) throw notFound('Frågan finns inte i mätningen.');
    if (!isStaffLanguage(language)) throw notFound();
    if (!file || file.buffer.length === 0) throw validationError([{ field: 'file', message: 'Välj en ljudfil.' }]);
    if (file.buffer.length > AUDIO_MAX_BYTES) throw validationError([{ field: 'file', message: 'Filen är för stor. Största tillåtna storlek är 10 MB.' }]);
    const contentType = detectAudioType(file.buffer);
    if (!contentType) throw validationError([{ field: 'file', message: 'Filen är inte en ljudfil som går att spela upp (mp3, m4a, ogg, wav eller webm).' }]);
    await this.repository.saveAudio({
      organisationId: caller.organisationId,
      instrumentId,
      itemKey,
      language,
      fileName: cleanName(file.originalname, contentType),
      contentType,
      content: file.buffer,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      createdBy: caller.personId,
    });
    await this.audit.record({ action: 'checks.item_audio.upload', targetType: 'check_instrument', targetId: instrumentId, details: { itemKey, language } });
    const saved = (await this.repository.audioOf(instrumentId)).find((a) => a.itemKey === itemKey && a.language === language);
    if (!saved) throw new Error('recording neither saved nor found');
    return toAudio(saved);
  }

  async downloadAudio(caller: Caller, instrumentId: string, itemKey: string, language: string): Promise<AudioRow & { content: Buffer }> {
    const instrument = await this.instruments.instrument(instrumentId);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    const audio = await this.repository.audioContent(instrumentId, itemKey, language);
    if (!audio) throw notFound('Det finns ingen inspelning av frågan på språket.');
    return audio;
  }

  /** The recording of a question of the kiosk response's check (the guard has checked the response and the round). */
  async downloadKioskAudio(caller: Caller, responseId: string, itemKey: string, language: string): Promise<AudioRow & { content: Buffer }> {
    const response = await this.answering.response(responseId);
    if (!response || response.organisationId !== caller.organisationId || response.via !== 'kiosk') throw notFound();
    const round = await this.rounds.round(response.roundId);
    const assignment = round && (await this.rounds.assignment(round.assignmentId));
    const version = assignment && (await this.instruments.version(assignment.instrumentVersionId));
    if (!version) throw notFound();
    const audio = await this.repository.audioContent(version.instrumentId, itemKey, language);
    if (!audio) throw notFound('Det finns ingen inspelning av frågan på språket.');
    return audio;
  }

  async removeAudio(caller: Caller, instrumentId: string, itemKey: string, language: string): Promise<void> {
    await this.ownInstrument(caller, instrumentId);
    if (!(await this.repository.removeAudio(instrumentId, itemKey, language))) throw notFound('Det finns ingen inspelning av frågan på språket.');
    await this.audit.record({ action: 'checks.item_audio.delete', targetType: 'check_instrument', targetId: instrumentId, details: { itemKey, language } });
  }

  // --- answering ---

  /**
   * The questions in `language`, item by item: the organisation's own translation before the network's shared one,
   * reviewed ones always, drafts only when the instrument allows them; an item without one stays Swedish.
   */
  async localize(
    questions: CheckQuestion[],
    instrumentId: string,
    networkId: string,
    language: StaffLanguage,
    kioskResponseId?: string,
  ): Promise<CheckQuestion[]> {
    const audio = await this.repository.audioOf(instrumentId);
    // On the kiosk tablet the recording comes through the response (the kiosk credential reads nothing else).
    const path = (key: string) =>
      kioskResponseId
        ? `/api/${routePath(ApiRoutes.checks.kioskAudio, { responseId: kioskResponseId, itemKey: key, language })}`
        : audioPath(instrumentId, key, language);
    const audioUrl = (key: string) => (audio.some((a) => a.itemKey === key && a.language === language) ? path(key) : null);
    const swedish = (q: Localizable): CheckQuestion => ({
      ...q,
      language: 'sv',
      text: q.textSv,
      options: q.options.map((o) => ({ ...o, text: o.textSv })),
      translationStatus: null,
      translationSource: null,
      audioUrl: audioUrl(q.key),
    });
    if (language === 'sv') return questions.map(swedish);
    const allowDrafts = await this.repository.allowDrafts(instrumentId);
    const rows = (
      await this.repository.forInstrument(
        instrumentId,
        networkId,
        questions.filter((q) => q.key.startsWith('core-')).map((q) => q.key),
      )
    ).filter((r) => r.language === language && (r.status === 'reviewed' || allowDrafts));
    return questions.map((q: Localizable) => {
      // The organisation's own comes first (ordered so by the repository).
      const translation = rows.find((r) => r.itemKey === q.key);
      if (!translation) return swedish(q);
      return {
        ...q,
        language,
        text: translation.text,
        options: q.options.map((o) => ({ ...o, text: translation.options[o.key] ?? o.textSv })),
        translationStatus: translation.status,
        translationSource: translation.source,
        audioUrl: audioUrl(q.key),
      };
    });
  }

  // --- insight: response and pairing rates by answer language ---

  async languageRates(caller: Caller, query: LanguageRatesQuery): Promise<LanguageRates> {
    const instrument = await this.instruments.instrument(query.instrumentId);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    let unitIds: string[] | null = null;
    if (query.unitId) {
      const unit = await this.rounds.unitPosition(query.unitId);
      if (!unit || !callerCanSee(caller, LANGUAGE_RATE_ROLES, unit)) throw notFound();
      if (!callerCovers(caller, LANGUAGE_RATE_ROLES, unit)) throw forbidden();
      unitIds = [query.unitId];
    } else if (query.areaId) {
      const area = await this.results.areaPosition(query.areaId);
      if (!area || !callerCanSee(caller, LANGUAGE_RATE_ROLES, area)) throw notFound();
      if (!callerCovers(caller, LANGUAGE_RATE_ROLES, area)) throw forbidden();
    }
    const minimum = effectiveMinimum(await this.results.minimumGroupSize(caller.organisationId));
    const assignments = await this.results.groupAssignments({
      organisationId: caller.organisationId,
      instrumentId: instrument.id,
      unitIds,
      areaId: query.areaId ?? null,
      roleTitle: null,
      employmentType: null,
    });
    const responses = assignments.length ? await this.repository.responsesByLanguage(assignments.map((a) => a.id)) : [];
    const byLanguage = new Map<string, typeof responses>();
    for (const response of responses) byLanguage.set(response.language, [...(byLanguage.get(response.language) ?? []), response]);
    const groupKey = JSON.stringify([query.unitId ?? null, query.areaId ?? null]);
    const languages: LanguageRate[] = [];
    const released: Array<{ context: { organisationId: string; family: string; minimum: number }; group: GateElement[] }> = [];
    for (const [language, rows] of [...byLanguage].sort(([a], [b]) => a.localeCompare(b))) {
      // One element per person and assignment: all their responses in the language and what became of them.
      const records = new Map<string, string[]>();
      for (const row of rows)
        records.set(`${row.assignmentId}:${row.personId}`, [...(records.get(`${row.assignmentId}:${row.personId}`) ?? []), `${row.kind}=${row.status}`]);
      const group: GateElement[] = [...records].map(([record, parts]) => ({
        value: `${record}|${language}|${parts.sort().join(';')}`,
        person: record.slice(record.indexOf(':') + 1),
      }));
      const context = { organisationId: caller.organisationId, family: `checks-language:${instrument.id}`, minimum };
      const refusal = await this.gate.refusal(context, group);
      if (refusal === 'belowMinimum') {
        languages.push({ language, started: null, responseRate: null, pairingRate: null, suppressed: true });
        continue;
      }
      if (refusal !== null) {
        await this.audit.record({
          action: 'checks.language_rates.suppressed',
          targetType: 'check_instrument',
          targetId: instrument.id,
          details: { groupKey, reason: refusal },
        });
        return { minimumGroupSize: minimum, suppressed: true, reason: 'differencing', languages: [] };
      }
      released.push({ context, group });
      const submitted = rows.filter((r) => r.status === 'submitted').length;
      const before = rows.filter((r) => r.kind === 'before' && r.status === 'submitted');
      const paired = before.filter((b) =>
        responses.some((r) => r.personId === b.personId && r.assignmentId === b.assignmentId && r.kind === 'after' && r.status === 'submitted'),
      );
      languages.push({
        language,
        started: records.size,
        responseRate: rows.length ? submitted / rows.length : null,
        pairingRate: before.length ? paired.length / before.length : null,
        suppressed: false,
      });
    }
    for (const release of released) await this.gate.record(release.context, release.group);
    await this.audit.record({ action: 'checks.language_rates.read', targetType: 'check_instrument', targetId: instrument.id, details: { groupKey } });
    return { minimumGroupSize: minimum, suppressed: false, reason: null, languages };
  }

  // --- helpers ---

  /** The items staff answer now: the latest published version's, else the draft's (core items included). */
  private async currentItems(caller: Caller, instrumentId: string): Promise<CheckItem[]> {
    const instrument = await this.ownInstrument(caller, instrumentId);
    const [latest] = await this.instruments.versions(instrumentId);
    if (latest) {
      const version = await this.instruments.version(latest.id);
      if (version) return version.items;
    }
    const core = await this.instruments.coreItems(caller.networkId);
    const coreItems: CheckItem[] = core.map(({ id, networkId: _n, retiredAt: _r, createdAt: _c, ...item }) => ({ ...item, key: coreKey(id), coreItemId: id }));
    return [...coreItems, ...(instrument.draft?.items ?? []).map((item) => ({ ...item, coreItemId: null }))];
  }

  private async ownInstrument(caller: Caller, instrumentId: string) {
    const instrument = await this.instruments.instrument(instrumentId);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    return instrument;
  }

  private async coreItem(caller: Caller, coreItemId: string): Promise<CheckItem> {
    const core = (await this.instruments.coreItems(caller.networkId, true)).find((c) => c.id === coreItemId);
    if (!core) throw notFound();
    const { id, networkId: _n, retiredAt: _r, createdAt: _c, ...item } = core;
    return { ...item, key: coreKey(id), coreItemId: id };
  }

  /**
   * The translation and the item it translates, when the caller may change it: the organisation's own by its
   * HR or administrators, a network-shared one by the network's coordinator.
   */
  private async editable(caller: Caller, id: string): Promise<{ row: TranslationRow; item: CheckItem }> {
    const row = await this.repository.translation(id);
    if (!row || row.networkId !== caller.networkId) throw notFound();
    if (row.organisationId === null) {
      if (!hasRole(caller, Role.NetworkCoordinator)) throw forbidden('Översättningen delas i nätverket: nätverkssamordnaren ändrar den.');
      const coreItemId = row.itemKey.slice('core-'.length);
      return { row, item: await this.coreItem(caller, coreItemId) };
    }
    if (row.organisationId !== caller.organisationId || row.instrumentId === null) throw notFound();
    if (!hasRole(caller, Role.Hr) && !hasRole(caller, Role.OrgAdmin)) throw forbidden();
    const items = await this.currentItems(caller, row.instrumentId);
    const item = items.find((i) => i.key === row.itemKey);
    // The item left the instrument in a later version: the translation can still be corrected or removed.
    return { row, item: item ?? ({ key: row.itemKey, textSv: row.sourceText, options: [] } as unknown as CheckItem) };
  }

  private async one(id: string, item: CheckItem): Promise<ItemTranslation> {
    const row = await this.repository.translation(id);
    if (!row) throw notFound();
    return toTranslation(row, item);
  }
}

function readInput(
  body: Partial<CreateTranslationRequest>,
  item: CheckItem,
  creating: boolean,
): { language: StaffLanguage; text: string; options: Record<string, string>; source: 'machine' | 'human' } {
  const problems: Array<{ field: string; message: string }> = [];
  const language = body.language;
  if (!isStaffLanguage(language) || language === 'sv') problems.push({ field: 'language', message: 'Välj ett annat språk än svenska.' });
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (!text) problems.push({ field: 'text', message: 'Skriv frågan på språket.' });
  else if (text.length > TEXT_MAX) problems.push({ field: 'text', message: `Högst ${TEXT_MAX} tecken.` });
  if (creating && body.source !== 'machine' && body.source !== 'human') {
    problems.push({ field: 'source', message: 'Ange om översättningen är gjord av ett verktyg eller av en person.' });
  }
  const options: Record<string, string> = {};
  const raw = body.options ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ field: 'options', message: 'Svarsalternativen ska anges per nyckel.' });
  } else {
    for (const [key, value] of Object.entries(raw)) {
      if (!item.options.some((o) => o.key === key)) {
        problems.push({ field: `options.${key}`, message: 'Svarsalternativet finns inte i frågan.' });
      } else if (typeof value !== 'string' || !value.trim() || value.length > TEXT_MAX) {
        problems.push({ field: `options.${key}`, message: `Skriv alternativet, högst ${TEXT_MAX} tecken.` });
      } else {
        options[key] = value.trim();
      }
    }
  }
  if (problems.length) throw validationError(problems);
  return { language: language as StaffLanguage, text, options, source: body.source === 'machine' ? 'machine' : 'human' };
}

function toTranslation(row: TranslationRow, item: Pick<CheckItem, 'textSv'>): ItemTranslation {
  return {
    id: row.id,
    itemKey: row.itemKey,
    language: row.language,
    text: row.text,
    options: row.options,
    source: row.source,
    status: row.status,
    shared: row.organisationId === null,
    sourceText: row.sourceText,
    stale: row.sourceText !== item.textSv,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reviewedBy: row.reviewedBy,
    reviewedByName: row.reviewedByName,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

function toAudio(row: AudioRow): ItemAudio {
  return {
    itemKey: row.itemKey,
    language: row.language,
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    createdAt: row.createdAt.toISOString(),
    url: audioPath(row.instrumentId, row.itemKey, row.language),
  };
}

function audioPath(instrumentId: string, itemKey: string, language: string): string {
  return `/api/${ApiRoutes.checks.itemAudio.replace(':instrumentId', instrumentId).replace(':itemKey', itemKey).replace(':language', language)}`;
}

function cleanName(raw: string, contentType: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, '')
    .trim()
    .replace(/^\.+/, '');
  return (base || `inspelning.${contentType.split('/')[1]}`).slice(0, 150);
}
