import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AttachmentType,
  DigCompArea,
  LIBRARY_LIMITS,
  ModuleAttachment,
  ModuleDetail,
  ModuleSummary,
  ModuleVersion,
  ModuleVersionStatus,
  Ownership,
} from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import type { Caller } from '../auth';
import { validationError } from '../common/errors';
import { ATTACHMENT_EXTENSIONS, cleanFileName, detectAttachmentType, extensionOf } from './attachment-type';
import { AdaptModuleDto, CreateModuleDto, ModuleContentDto, ModuleListQueryDto } from './dto/library.dto';
import { forbidden, notFound, stateConflict } from '../common/http-errors';
import { canAdapt, canEdit, canSee, holdsLocalEditor, holdsNetworkCoordinator, seesAnswerKey } from './library-access';
import { checkModuleContent, ModuleContent, normaliseModuleContent } from './module-content';
import { AttachmentRow, ModuleHeader, ModuleListRow, ModulesRepository, VersionRow } from './modules.repository';
import { renderSafeMarkdown } from './markdown';
import { withEasyExplanations } from './starter-library/easy-glossary';
import { ProposalsRepository, withoutNetwork } from './proposals.repository';

/** An uploaded file as multer keeps it in memory. */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One sentence, no list as a value: the web app's dictionaries say the whole of it in each language ("eller"/"or"). */
const UNSUPPORTED_TYPE = 'Filtypen stöds inte. Bifoga PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) eller PowerPoint (.pptx).';

/**
 * Modules: drafts, immutable published versions, adapted copies and attachments. The library access guard
 * has checked, before any body was read, that the caller may see (or edit, or adapt) the module in the path.
 */
@Injectable()
export class ModulesService {
  constructor(
    private readonly repository: ModulesRepository,
    private readonly proposals: ProposalsRepository,
    private readonly audit: AuditService,
  ) {}

  digComp(): Promise<DigCompArea[]> {
    return this.repository.digComp();
  }

  async list(caller: Caller, query: ModuleListQueryDto): Promise<ModuleSummary[]> {
    const rows = await this.repository.list(this.scopeOf(caller), {
      q: query.q || undefined,
      ownership: query.ownership,
      digCompCode: query.digCompCode,
      targetGroup: query.targetGroup,
      format: query.format,
      dimension: query.dimension,
      maxMinutes: query.maxMinutes ? Number(query.maxMinutes) : undefined,
      includeArchived: query.includeArchived === 'true',
    });
    return rows.map((row) => this.toSummary(caller, row));
  }

  async detail(caller: Caller, moduleId: string): Promise<ModuleDetail> {
    const [row] = await this.repository.list(this.scopeOf(caller), { includeArchived: true, ids: [moduleId] });
    if (!row) throw notFound();
    const summary = this.toSummary(caller, row);
    const published = await this.repository.latestPublished(moduleId);
    const draft = summary.canEdit ? await this.repository.draft(moduleId) : null;
    const attachments = await this.repository.attachments([published?.id, draft?.id].filter((id): id is string => Boolean(id)));
    const versions = await this.repository.publishedVersions(moduleId);
    const ownAdaptations = row.organisationId === null ? await this.repository.adaptations(moduleId, caller.organisationId) : [];
    const proposal = row.organisationId !== null && summary.canEdit ? await this.proposals.currentFor(moduleId) : null;
    return {
      module: summary,
      published: published ? this.toVersion(caller, published, attachments) : null,
      draft: draft ? this.toVersion(caller, draft, attachments) : null,
      versions: versions.map((version) => ({ ...version, status: ModuleVersionStatus.Published })),
      ownAdaptations,
      proposal: proposal ? withoutNetwork(proposal) : null,
    };
  }

  /** One version as a session used it. The guard has refused drafts to non-editors. */
  async version(caller: Caller, versionId: string): Promise<ModuleVersion> {
    const version = await this.repository.version(versionId);
    if (!version) throw notFound();
    const attachments = await this.repository.attachments([version.id]);
    return this.toVersion(caller, version, attachments);
  }

  async create(caller: Caller, body: CreateModuleDto): Promise<ModuleDetail> {
    const organisationId = body.ownership === Ownership.Network ? null : caller.organisationId;
    if (organisationId === null && !holdsNetworkCoordinator(caller, caller.networkId)) {
      throw forbidden('Bara nätverkets samordnare kan skapa moduler som delas i nätverket.');
    }
    if (organisationId !== null && !holdsLocalEditor(caller, organisationId)) {
      throw forbidden('Bara HR och administratörer kan skapa organisationens egna moduler.');
    }
    const content = await this.checkedContent(body.content, 'content');
    const moduleId = await this.repository.insertModule({
      networkId: caller.networkId,
      organisationId,
      sourceModuleId: null,
      createdBy: caller.personId,
    });
    const header = await this.mustHeader(moduleId);
    const versionId = await this.repository.insertDraft({ module: header, versionNumber: 1, content, sourceVersionId: null, personId: caller.personId });
    await this.audit.record({
      action: 'library.module.created',
      targetType: 'library_module',
      targetId: moduleId,
      details: { ownership: body.ownership, versionId, title: content.title },
    });
    return this.detail(caller, moduleId);
  }

  async setArchived(caller: Caller, moduleId: string, archived: boolean): Promise<ModuleDetail> {
    const header = await this.mustHeader(moduleId, true);
    if (header.archived !== archived) {
      await this.repository.setArchived(moduleId, archived);
      await this.audit.record({
        action: archived ? 'library.module.archived' : 'library.module.restored',
        targetType: 'library_module',
        targetId: moduleId,
      });
    }
    return this.detail(caller, moduleId);
  }

  /** Saves the draft, starting one from the latest published version when there is none. */
  async saveDraft(caller: Caller, moduleId: string, body: ModuleContentDto): Promise<ModuleDetail> {
    const header = await this.mustHeader(moduleId, true);
    this.refuseArchived(header);
    const content = await this.checkedContent(body, '');
    const draft = await this.repository.draft(moduleId);
    if (draft) {
      await this.repository.updateDraft(draft.id, content, draft.sourceVersion?.versionId ?? null, caller.personId);
    } else {
      await this.startDraft(caller, header, content);
    }
    return this.detail(caller, moduleId);
  }

  async discardDraft(caller: Caller, moduleId: string): Promise<void> {
    const header = await this.mustHeader(moduleId, true);
    const draft = await this.repository.draft(moduleId);
    if (!draft) throw stateConflict('Modulen har inget utkast.', 'no_draft');
    await this.repository.deleteDraft(draft.id);
    // A module that was never published has nothing left: it goes with its only draft.
    const removed = !(await this.repository.hasVersions(moduleId));
    if (removed) await this.repository.deleteModule(header.id);
    await this.audit.record({
      action: 'library.module.draft_discarded',
      targetType: 'library_module',
      targetId: moduleId,
      details: { versionId: draft.id, versionNumber: draft.versionNumber, moduleRemoved: removed },
    });
  }

  /** For an adapted copy: the draft becomes the source's latest published version (the local edits are replaced). */
  async draftFromSource(caller: Caller, moduleId: string): Promise<ModuleDetail> {
    const header = await this.mustHeader(moduleId, true);
    this.refuseArchived(header);
    if (!header.sourceModuleId) {
      throw stateConflict('Modulen är inte en anpassad kopia av en delad modul.', 'not_adapted');
    }
    const source = await this.repository.latestPublished(header.sourceModuleId);
    if (!source) throw stateConflict('Källmodulen har ingen publicerad version.', 'source_not_published');
    const content = contentOf(source);
    const draft = await this.repository.draft(moduleId);
    if (draft) {
      await this.repository.updateDraft(draft.id, content, source.id, caller.personId);
      await this.repository.replaceAttachmentLinks(source.id, draft.id, header.organisationId);
    } else {
      const versionNumber = await this.repository.nextVersionNumber(moduleId);
      const versionId = await this.repository.insertDraft({ module: header, versionNumber, content, sourceVersionId: source.id, personId: caller.personId });
      await this.repository.copyAttachmentLinks(source.id, versionId, header.organisationId);
    }
    await this.audit.record({
      action: 'library.module.draft_from_source',
      targetType: 'library_module',
      targetId: moduleId,
      details: { sourceModuleId: header.sourceModuleId, sourceVersionId: source.id, sourceVersionNumber: source.versionNumber },
    });
    return this.detail(caller, moduleId);
  }

  /** The draft becomes the next published version. Published versions never change afterwards. */
  async publish(caller: Caller, moduleId: string, changeNote: string | null): Promise<ModuleDetail> {
    const header = await this.mustHeader(moduleId, true);
    this.refuseArchived(header);
    const draft = await this.repository.draft(moduleId);
    if (!draft) throw stateConflict('Det finns inget utkast att publicera. Spara ändringarna som utkast först.', 'no_draft');
    await this.repository.publish(draft.id, changeNote, caller.personId);
    await this.audit.record({
      action: 'library.module.published',
      targetType: 'library_module',
      targetId: moduleId,
      details: { versionId: draft.id, versionNumber: draft.versionNumber },
    });
    return this.detail(caller, moduleId);
  }

  /** A copy of a network module for the caller's organisation, as a draft linked to the source version. */
  async adapt(caller: Caller, moduleId: string, body: AdaptModuleDto): Promise<ModuleDetail> {
    const source = await this.mustHeader(moduleId);
    if (source.organisationId !== null) {
      throw stateConflict('Bara moduler som delas i nätverket kan anpassas. Den här modulen är redan organisationens egen.', 'not_shared');
    }
    this.refuseArchived(source);
    const version = await this.repository.latestPublished(moduleId);
    if (!version) throw stateConflict('Modulen är inte publicerad än.', 'not_published');
    const existing = await this.repository.currentAdaptation(moduleId, caller.organisationId);
    if (existing) {
      throw stateConflict('Organisationen har redan en egen version av modulen.', 'already_adapted', { moduleId: existing });
    }
    const copyId = await this.repository.insertModule({
      networkId: source.networkId,
      organisationId: caller.organisationId,
      sourceModuleId: moduleId,
      createdBy: caller.personId,
    });
    const copy = await this.mustHeader(copyId);
    const content = { ...contentOf(version), title: body.title ?? version.title };
    const versionId = await this.repository.insertDraft({ module: copy, versionNumber: 1, content, sourceVersionId: version.id, personId: caller.personId });
    await this.repository.copyAttachmentLinks(version.id, versionId, caller.organisationId);
    await this.audit.record({
      action: 'library.module.adapted',
      targetType: 'library_module',
      targetId: copyId,
      details: { sourceModuleId: moduleId, sourceVersionId: version.id, sourceVersionNumber: version.versionNumber },
    });
    return this.detail(caller, copyId);
  }

  async addAttachment(caller: Caller, moduleId: string, file: UploadedFile | undefined, title: string | null | undefined): Promise<ModuleAttachment> {
    if (!file) throw validationError([{ field: 'file', message: 'Välj en fil att bifoga.' }], 'Välj en fil att bifoga.');
    const header = await this.mustHeader(moduleId, true);
    this.refuseArchived(header);
    const draft = await this.repository.draft(moduleId);
    if (!draft) throw stateConflict('Bilagor läggs till i ett utkast. Spara ett utkast först.', 'no_draft');
    if ((await this.repository.attachmentCount(draft.id)) >= LIBRARY_LIMITS.attachmentsMax) {
      throw stateConflict(`En version kan ha högst ${LIBRARY_LIMITS.attachmentsMax} bilagor.`, 'too_many_attachments');
    }
    const fileName = cleanFileName(file.originalname);
    const contentType = detectAttachmentType(file.buffer);
    if (!contentType) {
      throw validationError([{ field: 'file', message: UNSUPPORTED_TYPE }], UNSUPPORTED_TYPE);
    }
    if (!ATTACHMENT_EXTENSIONS[contentType].includes(extensionOf(fileName))) {
      const message = `Filens innehåll stämmer inte med filändelsen. Filen är en ${ATTACHMENT_EXTENSIONS[contentType][0].toUpperCase()}-fil.`;
      throw validationError([{ field: 'file', message }], message);
    }
    const attachmentTitle = title?.trim() || fileName.replace(/\.[^.]+$/, '') || fileName;
    if (attachmentTitle.length > LIBRARY_LIMITS.titleMax) {
      const message = `Bilagans namn får ha högst ${LIBRARY_LIMITS.titleMax} tecken.`;
      throw validationError([{ field: 'title', message }], message);
    }
    const row = await this.repository.insertAttachment({
      module: header,
      versionId: draft.id,
      title: attachmentTitle,
      fileName,
      contentType,
      content: file.buffer,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      personId: caller.personId,
    });
    await this.audit.record({
      action: 'library.attachment.added',
      targetType: 'library_module',
      targetId: moduleId,
      details: { attachmentId: row.id, versionId: draft.id, fileName, contentType, byteSize: row.byteSize },
    });
    return toAttachment(row);
  }

  async removeAttachment(moduleId: string, attachmentId: string): Promise<void> {
    if (!UUID.test(attachmentId)) throw notFound('Utkastet har ingen sådan bilaga.');
    await this.mustHeader(moduleId, true);
    const draft = await this.repository.draft(moduleId);
    if (!draft) throw stateConflict('Bilagor tas bort i ett utkast. Publicerade versioner ändras aldrig.', 'no_draft');
    if (!(await this.repository.unlinkAttachment(draft.id, attachmentId))) throw notFound('Utkastet har ingen sådan bilaga.');
    await this.audit.record({
      action: 'library.attachment.removed',
      targetType: 'library_module',
      targetId: moduleId,
      details: { attachmentId, versionId: draft.id },
    });
  }

  /** The guard has checked that the caller may read a version linking the attachment. */
  async download(attachmentId: string): Promise<{ fileName: string; contentType: AttachmentType; content: Buffer }> {
    const attachment = await this.repository.attachmentContent(attachmentId);
    if (!attachment) throw notFound();
    return attachment;
  }

  // --- helpers ---

  private scopeOf(caller: Caller) {
    return {
      networkId: caller.networkId,
      organisationId: caller.organisationId,
      editsNetwork: holdsNetworkCoordinator(caller, caller.networkId),
      editsOrganisation: holdsLocalEditor(caller, caller.organisationId),
    };
  }

  private async startDraft(caller: Caller, header: ModuleHeader, content: ModuleContent): Promise<void> {
    const base = await this.repository.latestPublished(header.id);
    const versionNumber = await this.repository.nextVersionNumber(header.id);
    const versionId = await this.repository.insertDraft({
      module: header,
      versionNumber,
      content,
      sourceVersionId: base?.sourceVersion?.versionId ?? null,
      personId: caller.personId,
    });
    if (base) await this.repository.copyAttachmentLinks(base.id, versionId, header.organisationId);
  }

  private async checkedContent(body: ModuleContentDto, prefix: string): Promise<ModuleContent> {
    const errors = checkModuleContent(body, await this.repository.digCompCodes(), prefix);
    if (errors.length > 0) throw validationError(errors);
    return normaliseModuleContent(body);
  }

  private async mustHeader(moduleId: string, lock = false): Promise<ModuleHeader> {
    const header = await this.repository.header(moduleId, lock);
    if (!header) throw notFound();
    return header;
  }

  private refuseArchived(header: ModuleHeader): void {
    if (header.archived) throw stateConflict('Modulen är arkiverad. Ta tillbaka den först.', 'archived');
  }

  private toSummary(caller: Caller, row: ModuleListRow): ModuleSummary {
    const owner = { networkId: row.networkId, organisationId: row.organisationId };
    const editable = canEdit(caller, owner);
    return {
      id: row.id,
      ownership: row.ownership,
      organisationId: row.organisationId,
      title: row.title,
      summary: row.summary,
      format: row.format,
      durationMinutes: row.durationMinutes,
      targetGroups: row.targetGroups,
      competenceDimensions: row.competenceDimensions,
      digCompCodes: row.digCompCodes,
      repeatIntervalWeeks: row.repeatIntervalWeeks,
      latestPublished: row.latestPublished,
      hasDraft: editable && row.hasDraft,
      archived: row.archived,
      canEdit: editable,
      canAdapt: canAdapt(caller, owner) && !row.archived && row.latestPublished !== null,
      proposedBy: row.proposedBy,
      source: row.source
        ? {
            moduleId: row.source.moduleId,
            title: row.source.title ?? '',
            basedOnVersionNumber: row.source.basedOnVersionNumber,
            latestVersionNumber: row.source.latestVersionNumber,
            newerVersionAvailable: row.source.latestVersionNumber !== null && row.source.latestVersionNumber > (row.source.basedOnVersionNumber ?? 0),
          }
        : null,
    };
  }

  private toVersion(caller: Caller, row: VersionRow, attachments: AttachmentRow[]): ModuleVersion {
    const showKey = seesAnswerKey(caller);
    return {
      id: row.id,
      moduleId: row.moduleId,
      versionNumber: row.versionNumber,
      status: row.status,
      publishedAt: row.publishedAt,
      changeNote: row.changeNote,
      title: row.title,
      summary: row.summary,
      learningGoals: row.learningGoals,
      competenceDimensions: row.competenceDimensions,
      digCompCodes: row.digCompCodes,
      targetGroups: row.targetGroups,
      format: row.format,
      durationMinutes: row.durationMinutes,
      glossary: withEasyExplanations(row.glossary),
      facilitatorGuide: row.facilitatorGuide,
      facilitatorGuideHtml: renderSafeMarkdown(row.facilitatorGuide),
      exercises: row.exercises,
      links: row.links,
      repeatIntervalWeeks: row.repeatIntervalWeeks,
      knowledgeItems: showKey ? row.knowledgeItems : null,
      knowledgeItemCount: row.knowledgeItems.length,
      attachments: attachments.filter((attachment) => attachment.versionId === row.id).map(toAttachment),
      sourceVersion: row.sourceVersion,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}

/** Access rules for a module, reused by the guard. */
export function mayReadVersion(caller: Caller, owner: ModuleHeader, status: ModuleVersionStatus): boolean {
  return canSee(caller, owner) && (status === ModuleVersionStatus.Published || canEdit(caller, owner));
}

export function contentOf(version: VersionRow): ModuleContent {
  return {
    title: version.title,
    summary: version.summary,
    learningGoals: version.learningGoals,
    competenceDimensions: version.competenceDimensions,
    digCompCodes: version.digCompCodes,
    targetGroups: version.targetGroups,
    format: version.format,
    durationMinutes: version.durationMinutes,
    glossary: version.glossary,
    facilitatorGuide: version.facilitatorGuide,
    exercises: version.exercises,
    links: version.links,
    knowledgeItems: version.knowledgeItems,
    repeatIntervalWeeks: version.repeatIntervalWeeks,
  };
}

function toAttachment(row: AttachmentRow): ModuleAttachment {
  return { id: row.id, title: row.title, fileName: row.fileName, contentType: row.contentType, byteSize: row.byteSize };
}
