import { Injectable } from '@nestjs/common';
import {
  CheckItemKind,
  CoreItem,
  CreateCoreItemRequest,
  InstrumentDetail,
  InstrumentDraft,
  InstrumentSummary,
  InstrumentVersion,
  Role,
} from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import { type Caller, callerCovers } from '../../auth';
import { validationError } from '../../common/errors';
import { forbidden, notFound, stateConflict } from '../../common/http-errors';
import { coreKey, parseItems, withCoreItems } from './instrument-items';
import { InstrumentRow, InstrumentsRepository } from './instruments.repository';

const DEFAULT_SUPPORT_THRESHOLD = 2;

/** The network's common core items and the organisation's instruments: drafts, published versions, their scoring settings. */
@Injectable()
export class InstrumentsService {
  constructor(
    private readonly repository: InstrumentsRepository,
    private readonly audit: AuditService,
  ) {}

  // --- common core items (network coordinator) ---

  coreItems(caller: Caller): Promise<CoreItem[]> {
    return this.repository.coreItems(caller.networkId);
  }

  async createCoreItem(caller: Caller, body: CreateCoreItemRequest): Promise<CoreItem> {
    const networkId = this.coordinatorNetwork(caller);
    const parsed = parseItems([{ ...body, key: 'core' }], await this.repository.digCompCodes(), 'item');
    if (!parsed.ok) throw validationError(parsed.problems.map((p) => ({ ...p, field: p.field.replace(/^item\[0\]\./, '') })));
    const item = parsed.items[0];
    if (item.kind === CheckItemKind.Then || item.kind === CheckItemKind.Observation) {
      throw validationError([{ field: 'kind', message: 'Gemensamma frågor är självskattning, attityd, kunskap eller uppföljning.' }]);
    }
    const active = await this.repository.coreItems(networkId);
    if (active.length >= 4) throw stateConflict('Nätverket har redan fyra gemensamma frågor. Ta bort en först.', 'core_items_full');
    const id = await this.repository.insertCoreItem(networkId, { ...item, key: 'core' }, caller.personId);
    await this.audit.record({ action: 'checks.core_item.create', organisationId: caller.organisationId, targetType: 'check_core_item', targetId: id });
    const created = (await this.repository.coreItems(networkId)).find((c) => c.id === id);
    if (!created) throw notFound();
    return created;
  }

  async retireCoreItem(caller: Caller, id: string): Promise<void> {
    const networkId = await this.repository.coreItemNetwork(id);
    if (!networkId || networkId !== this.coordinatorNetwork(caller)) throw notFound();
    await this.repository.retireCoreItem(id);
    await this.audit.record({ action: 'checks.core_item.retire', organisationId: caller.organisationId, targetType: 'check_core_item', targetId: id });
  }

  private coordinatorNetwork(caller: Caller): string {
    if (!callerCovers(caller, [Role.NetworkCoordinator], { networkId: caller.networkId, organisationId: '', areaIds: [], unitIds: [] })) {
      throw forbidden('Bara nätverkets samordnare bestämmer de gemensamma frågorna.');
    }
    return caller.networkId;
  }

  // --- instruments ---

  instruments(caller: Caller): Promise<InstrumentSummary[]> {
    return this.repository.instruments(caller.organisationId);
  }

  async createInstrument(caller: Caller, title: string): Promise<InstrumentDetail> {
    const draft: InstrumentRow['draft'] = { title, descriptionSv: null, supportThreshold: DEFAULT_SUPPORT_THRESHOLD, items: [] };
    const id = await this.repository.insertInstrument(caller.organisationId, title, draft, caller.personId);
    await this.audit.record({ action: 'checks.instrument.create', targetType: 'check_instrument', targetId: id });
    return this.instrument(caller, id);
  }

  async instrument(caller: Caller, id: string): Promise<InstrumentDetail> {
    const instrument = await this.ownInstrument(caller, id);
    const core = await this.repository.coreItems(caller.networkId);
    const coreInputs = core.map((c) => ({ id: c.id, item: toInput(c) }));
    return {
      id: instrument.id,
      organisationId: instrument.organisationId,
      title: instrument.title,
      draft: instrument.draft ? { ...instrument.draft, items: withCoreItems(coreInputs, instrument.draft.items) } : null,
      versions: await this.repository.versions(id),
      coreItems: core,
    };
  }

  async saveDraft(caller: Caller, id: string, body: InstrumentDraft): Promise<InstrumentDetail> {
    const instrument = await this.ownInstrument(caller, id);
    // Core items come from the network, never from the editor: an edited copy sent back is dropped.
    const own = (Array.isArray(body.items) ? body.items : []).filter(
      (item: unknown) =>
        !(
          typeof item === 'object' &&
          item !== null &&
          typeof (item as { key?: unknown }).key === 'string' &&
          (item as { key: string }).key.startsWith('core-')
        ),
    );
    const withoutCoreField = own.map((item: unknown) => {
      if (typeof item !== 'object' || item === null) return item;
      const { coreItemId: _ignored, ...rest } = item as Record<string, unknown>;
      return rest;
    });
    const parsed = parseItems(withoutCoreField, await this.repository.digCompCodes());
    if (!parsed.ok) throw validationError(parsed.problems);
    await this.repository.saveDraft(instrument.id, body.title, {
      title: body.title,
      descriptionSv: body.descriptionSv ?? null,
      supportThreshold: body.supportThreshold,
      items: parsed.items,
    });
    await this.audit.record({ action: 'checks.instrument.draft', targetType: 'check_instrument', targetId: id });
    return this.instrument(caller, id);
  }

  async publish(caller: Caller, id: string): Promise<InstrumentVersion> {
    const instrument = await this.ownInstrument(caller, id);
    if (!instrument.draft) throw stateConflict('Det finns inget utkast att publicera.', 'no_draft');
    const core = await this.repository.coreItems(caller.networkId);
    const items = withCoreItems(
      core.map((c) => ({ id: c.id, item: toInput(c) })),
      instrument.draft.items,
    );
    if (!items.some((item) => item.kind !== CheckItemKind.Observation)) {
      throw validationError([{ field: 'items', message: 'Lägg till minst en fråga som medarbetaren svarar på.' }]);
    }
    const versionId = await this.repository.publish(instrument, items, caller.personId);
    await this.audit.record({ action: 'checks.instrument.publish', targetType: 'check_instrument_version', targetId: versionId });
    return this.version(caller, versionId);
  }

  async version(caller: Caller, versionId: string): Promise<InstrumentVersion> {
    const version = await this.repository.version(versionId);
    if (!version || version.organisationId !== caller.organisationId) throw notFound();
    return {
      id: version.id,
      instrumentId: version.instrumentId,
      version: version.version,
      title: version.title,
      descriptionSv: version.descriptionSv,
      supportThreshold: version.supportThreshold,
      items: version.items,
      publishedAt: version.publishedAt,
    };
  }

  private async ownInstrument(caller: Caller, id: string): Promise<InstrumentRow> {
    const instrument = await this.repository.instrument(id);
    if (!instrument || instrument.organisationId !== caller.organisationId) throw notFound();
    return instrument;
  }
}

function toInput(core: CoreItem) {
  const { id: _id, networkId: _networkId, retiredAt: _retiredAt, createdAt: _createdAt, ...item } = core;
  return { ...item, key: coreKey(core.id) };
}
