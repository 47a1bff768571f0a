import { Injectable } from '@nestjs/common';
import {
  AttachmentType,
  CompetenceDimension,
  DigCompArea,
  GlossaryEntry,
  KnowledgeItem,
  ModuleExercise,
  ModuleFormat,
  ModuleLink,
  ModuleTargetGroup,
  ModuleVersionStatus,
  Ownership,
} from '@kunna/contracts';
import { Db } from '../database/db';
import type { ModuleContent } from './module-content';

export interface ModuleHeader {
  id: string;
  networkId: string;
  organisationId: string | null;
  ownership: Ownership;
  sourceModuleId: string | null;
  archived: boolean;
}

export interface VersionRow extends ModuleContent {
  id: string;
  moduleId: string;
  versionNumber: number;
  status: ModuleVersionStatus;
  changeNote: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sourceVersion: { moduleId: string; versionId: string; versionNumber: number } | null;
}

export interface AttachmentRow {
  versionId: string;
  id: string;
  title: string;
  fileName: string;
  contentType: AttachmentType;
  byteSize: number;
  position: number;
}

export interface ModuleListRow {
  id: string;
  ownership: Ownership;
  organisationId: string | null;
  networkId: string;
  archived: boolean;
  title: string;
  summary: string;
  format: ModuleFormat;
  durationMinutes: number;
  targetGroups: ModuleTargetGroup[];
  competenceDimensions: CompetenceDimension[];
  digCompCodes: string[];
  repeatIntervalWeeks: number | null;
  latestPublished: { versionId: string; versionNumber: number; publishedAt: string } | null;
  hasDraft: boolean;
  source: {
    moduleId: string;
    title: string | null;
    basedOnVersionNumber: number | null;
    latestVersionNumber: number | null;
  } | null;
  proposedBy: { organisationId: string; organisationName: string } | null;
}

/** What the caller may see and edit, for list queries (computed from grants by the service). */
export interface ListScope {
  networkId: string;
  organisationId: string;
  editsNetwork: boolean;
  editsOrganisation: boolean;
}

export interface ModuleListFilter {
  q?: string;
  ownership?: Ownership;
  digCompCode?: string;
  targetGroup?: ModuleTargetGroup;
  format?: ModuleFormat;
  dimension?: CompetenceDimension;
  maxMinutes?: number;
  includeArchived: boolean;
  ids?: string[];
}

const VERSION_COLUMNS = `
  v.id, v.module_id, v.version_number, v.status, v.title, v.summary, v.learning_goals, v.competence_dimensions,
  v.digcomp_codes, v.target_groups, v.format, v.duration_minutes, v.glossary, v.facilitator_guide, v.exercises,
  v.links, v.knowledge_items, v.repeat_interval_weeks, v.change_note,
  to_char(v.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
  to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
  to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at,
  sv.module_id as source_module_id, sv.id as source_version_id, sv.version_number as source_version_number`;

interface VersionDbRow {
  id: string;
  module_id: string;
  version_number: number;
  status: ModuleVersionStatus;
  title: string;
  summary: string;
  learning_goals: string[];
  competence_dimensions: CompetenceDimension[];
  digcomp_codes: string[];
  target_groups: ModuleTargetGroup[];
  format: ModuleFormat;
  duration_minutes: number;
  glossary: GlossaryEntry[];
  facilitator_guide: string;
  exercises: ModuleExercise[];
  links: ModuleLink[];
  knowledge_items: KnowledgeItem[];
  repeat_interval_weeks: number | null;
  change_note: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  source_module_id: string | null;
  source_version_id: string | null;
  source_version_number: number | null;
}

function toVersion(row: VersionDbRow): VersionRow {
  return {
    id: row.id,
    moduleId: row.module_id,
    versionNumber: row.version_number,
    status: row.status,
    title: row.title,
    summary: row.summary,
    learningGoals: row.learning_goals,
    competenceDimensions: row.competence_dimensions,
    digCompCodes: row.digcomp_codes,
    targetGroups: row.target_groups,
    format: row.format,
    durationMinutes: row.duration_minutes,
    glossary: row.glossary,
    facilitatorGuide: row.facilitator_guide,
    exercises: row.exercises,
    links: row.links,
    knowledgeItems: row.knowledge_items,
    repeatIntervalWeeks: row.repeat_interval_weeks,
    changeNote: row.change_note,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sourceVersion:
      row.source_version_id && row.source_module_id && row.source_version_number !== null
        ? { moduleId: row.source_module_id, versionId: row.source_version_id, versionNumber: row.source_version_number }
        : null,
  };
}

/** Content columns in insert order, and their values from a `ModuleContent`. */
const CONTENT_COLUMNS = `title, summary, learning_goals, competence_dimensions, digcomp_codes, target_groups, format,
  duration_minutes, glossary, facilitator_guide, exercises, links, knowledge_items, repeat_interval_weeks`;

function contentValues(content: ModuleContent): unknown[] {
  return [
    content.title,
    content.summary,
    content.learningGoals,
    content.competenceDimensions,
    content.digCompCodes,
    content.targetGroups,
    content.format,
    content.durationMinutes,
    JSON.stringify(content.glossary),
    content.facilitatorGuide,
    JSON.stringify(content.exercises),
    JSON.stringify(content.links),
    JSON.stringify(content.knowledgeItems),
    content.repeatIntervalWeeks,
  ];
}

@Injectable()
export class ModulesRepository {
  constructor(private readonly db: Db) {}

  async digComp(): Promise<DigCompArea[]> {
    const rows: Array<{ code: string; name_sv: string; name_en: string; competences: DigCompArea['competences'] }> = await this.db.manager.query(
      `select a.code, a.name_sv, a.name_en,
                (select json_agg(json_build_object('code', c.code, 'areaCode', c.area_code, 'nameSv', c.name_sv, 'nameEn', c.name_en)
                                 order by c.position)
                   from digcomp_competence c where c.area_code = a.code) as competences
           from digcomp_area a order by a.position`,
    );
    return rows.map((row) => ({ code: row.code, nameSv: row.name_sv, nameEn: row.name_en, competences: row.competences }));
  }

  async digCompCodes(): Promise<Set<string>> {
    const rows: Array<{ code: string }> = await this.db.manager.query(`select code from digcomp_competence`);
    return new Set(rows.map((row) => row.code));
  }

  async header(moduleId: string, lock = false): Promise<ModuleHeader | null> {
    const rows: Array<{
      id: string;
      network_id: string;
      organisation_id: string | null;
      ownership: Ownership;
      source_module_id: string | null;
      archived: boolean;
    }> = await this.db.manager.query(
      `select id, network_id, organisation_id, ownership, source_module_id, archived_at is not null as archived
         from library_module where id = $1 ${lock ? 'for update' : ''}`,
      [moduleId],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          networkId: row.network_id,
          organisationId: row.organisation_id,
          ownership: row.ownership,
          sourceModuleId: row.source_module_id,
          archived: row.archived,
        }
      : null;
  }

  /** The module a version belongs to, and whether the version is published. */
  async versionOwner(versionId: string): Promise<(ModuleHeader & { status: ModuleVersionStatus }) | null> {
    const rows: Array<{ module_id: string; status: ModuleVersionStatus }> = await this.db.manager.query(
      `select module_id, status from library_module_version where id = $1`,
      [versionId],
    );
    if (!rows[0]) return null;
    const header = await this.header(rows[0].module_id);
    return header ? { ...header, status: rows[0].status } : null;
  }

  /**
   * Modules of the caller's network and organisation, each shown by its latest published version (or, for
   * editors, by its draft when nothing is published yet), with the state of its source for adapted copies.
   */
  async list(scope: ListScope, filter: ModuleListFilter): Promise<ModuleListRow[]> {
    const editable = `((m.organisation_id is null and $3) or (m.organisation_id = $2 and $4))`;
    const rows: Array<{
      id: string;
      ownership: Ownership;
      organisation_id: string | null;
      network_id: string;
      archived: boolean;
      title: string;
      summary: string;
      format: ModuleFormat;
      duration_minutes: number;
      target_groups: ModuleTargetGroup[];
      competence_dimensions: CompetenceDimension[];
      digcomp_codes: string[];
      repeat_interval_weeks: number | null;
      published_id: string | null;
      published_number: number | null;
      published_at: string | null;
      has_draft: boolean;
      source_module_id: string | null;
      source_title: string | null;
      based_on_number: number | null;
      source_latest_number: number | null;
      proposed_by_organisation_id: string | null;
      proposed_by_organisation_name: string | null;
    }> = await this.db.manager.query(
      `select m.id, m.ownership, m.organisation_id, m.network_id, m.archived_at is not null as archived,
              shown.title, shown.summary, shown.format, shown.duration_minutes, shown.target_groups,
              shown.competence_dimensions, shown.digcomp_codes, shown.repeat_interval_weeks,
              pub.id as published_id, pub.version_number as published_number,
              to_char(pub.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
              (${editable} and exists (select 1 from library_module_version d where d.module_id = m.id and d.status = 'draft')) as has_draft,
              m.source_module_id, src.title as source_title, bsv.version_number as based_on_number,
              src.version_number as source_latest_number,
              m.proposed_by_organisation_id, po.name as proposed_by_organisation_name
         from library_module m
         left join organisation po on po.id = m.proposed_by_organisation_id
         left join lateral (
           select v.id, v.version_number, v.published_at from library_module_version v
            where v.module_id = m.id and v.status = 'published' order by v.version_number desc limit 1
         ) pub on true
         join lateral (
           select v.* from library_module_version v
            where v.module_id = m.id and (v.status = 'published' or ${editable})
            order by (v.status = 'published') desc, v.version_number desc limit 1
         ) shown on true
         left join lateral (
           select v.source_version_id from library_module_version v
            where v.module_id = m.id and (v.status = 'published' or ${editable})
            order by v.version_number desc limit 1
         ) basis on true
         left join library_module_version bsv on bsv.id = basis.source_version_id
         left join lateral (
           select v.title, v.version_number from library_module_version v
            where v.module_id = m.source_module_id and v.status = 'published' order by v.version_number desc limit 1
         ) src on m.source_module_id is not null
        where m.network_id = $1 and (m.organisation_id is null or m.organisation_id = $2)
          and ($5 or m.archived_at is null)
          and ($6::text is null or m.ownership = $6)
          and ($7::text is null or shown.title ilike $7 or shown.summary ilike $7)
          and ($8::text is null or $8 = any(shown.digcomp_codes))
          and ($9::text is null or $9 = any(shown.target_groups))
          and ($10::text is null or shown.format = $10)
          and ($11::uuid[] is null or m.id = any($11::uuid[]))
          and ($12::text is null or $12 = any(shown.competence_dimensions))
          and ($13::int is null or shown.duration_minutes <= $13)
        order by m.archived_at is not null, lower(shown.title), m.id`,
      [
        scope.networkId,
        scope.organisationId,
        scope.editsNetwork,
        scope.editsOrganisation,
        filter.includeArchived,
        filter.ownership ?? null,
        filter.q ? `%${escapeLike(filter.q)}%` : null,
        filter.digCompCode ?? null,
        filter.targetGroup ?? null,
        filter.format ?? null,
        filter.ids ?? null,
        filter.dimension ?? null,
        filter.maxMinutes ?? null,
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      ownership: row.ownership,
      organisationId: row.organisation_id,
      networkId: row.network_id,
      archived: row.archived,
      title: row.title,
      summary: row.summary,
      format: row.format,
      durationMinutes: row.duration_minutes,
      targetGroups: row.target_groups,
      competenceDimensions: row.competence_dimensions,
      digCompCodes: row.digcomp_codes,
      repeatIntervalWeeks: row.repeat_interval_weeks,
      latestPublished:
        row.published_id && row.published_number !== null && row.published_at
          ? { versionId: row.published_id, versionNumber: row.published_number, publishedAt: row.published_at }
          : null,
      hasDraft: row.has_draft,
      source: row.source_module_id
        ? {
            moduleId: row.source_module_id,
            title: row.source_title,
            basedOnVersionNumber: row.based_on_number,
            latestVersionNumber: row.source_latest_number,
          }
        : null,
      proposedBy:
        row.proposed_by_organisation_id && row.proposed_by_organisation_name
          ? { organisationId: row.proposed_by_organisation_id, organisationName: row.proposed_by_organisation_name }
          : null,
    }));
  }

  async version(versionId: string): Promise<VersionRow | null> {
    const rows: VersionDbRow[] = await this.db.manager.query(
      `select ${VERSION_COLUMNS} from library_module_version v
         left join library_module_version sv on sv.id = v.source_version_id
        where v.id = $1`,
      [versionId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async latestPublished(moduleId: string): Promise<VersionRow | null> {
    const rows: VersionDbRow[] = await this.db.manager.query(
      `select ${VERSION_COLUMNS} from library_module_version v
         left join library_module_version sv on sv.id = v.source_version_id
        where v.module_id = $1 and v.status = 'published' order by v.version_number desc limit 1`,
      [moduleId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async draft(moduleId: string): Promise<VersionRow | null> {
    const rows: VersionDbRow[] = await this.db.manager.query(
      `select ${VERSION_COLUMNS} from library_module_version v
         left join library_module_version sv on sv.id = v.source_version_id
        where v.module_id = $1 and v.status = 'draft'`,
      [moduleId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  /** Published versions, newest first. */
  async publishedVersions(moduleId: string): Promise<Array<{ id: string; versionNumber: number; publishedAt: string; changeNote: string | null }>> {
    const rows: Array<{ id: string; version_number: number; published_at: string; change_note: string | null }> = await this.db.manager.query(
      `select id, version_number, change_note,
                to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at
           from library_module_version where module_id = $1 and status = 'published' order by version_number desc`,
      [moduleId],
    );
    return rows.map((row) => ({ id: row.id, versionNumber: row.version_number, publishedAt: row.published_at, changeNote: row.change_note }));
  }

  async attachments(versionIds: string[]): Promise<AttachmentRow[]> {
    if (versionIds.length === 0) return [];
    const rows: Array<{
      version_id: string;
      id: string;
      title: string;
      file_name: string;
      content_type: AttachmentType;
      byte_size: number;
      position: number;
    }> = await this.db.manager.query(
      `select va.version_id, a.id, va.title, a.file_name, a.content_type, a.byte_size, va.position
         from library_version_attachment va join library_attachment a on a.id = va.attachment_id
        where va.version_id = any($1::uuid[]) order by va.position`,
      [versionIds],
    );
    return rows.map((row) => ({
      versionId: row.version_id,
      id: row.id,
      title: row.title,
      fileName: row.file_name,
      contentType: row.content_type,
      byteSize: row.byte_size,
      position: row.position,
    }));
  }

  /** The caller's organisation's current copies of a module. */
  async adaptations(sourceModuleId: string, organisationId: string): Promise<Array<{ id: string; title: string }>> {
    return this.db.manager.query(
      `select m.id, v.title from library_module m
         join lateral (select title from library_module_version v where v.module_id = m.id
                        order by (v.status = 'published') desc, v.version_number desc limit 1) v on true
        where m.source_module_id = $1 and m.organisation_id = $2 and m.archived_at is null
        order by v.title`,
      [sourceModuleId, organisationId],
    );
  }

  async currentAdaptation(sourceModuleId: string, organisationId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from library_module where source_module_id = $1 and organisation_id = $2 and archived_at is null`,
      [sourceModuleId, organisationId],
    );
    return rows[0]?.id ?? null;
  }

  async insertModule(module: { networkId: string; organisationId: string | null; sourceModuleId: string | null; createdBy: string | null }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into library_module (network_id, organisation_id, ownership, source_module_id, created_by)
       values ($1, $2, $3, $4, $5) returning id`,
      [
        module.networkId,
        module.organisationId,
        module.organisationId === null ? Ownership.Network : Ownership.Organisation,
        module.sourceModuleId,
        module.createdBy,
      ],
    );
    return rows[0].id;
  }

  async insertDraft(draft: {
    module: ModuleHeader;
    versionNumber: number;
    content: ModuleContent;
    sourceVersionId: string | null;
    personId: string;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, source_version_id,
                                           created_by, updated_by, ${CONTENT_COLUMNS})
       values ($1, $2, $3, $4, 'draft', $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       returning id`,
      [
        draft.module.id,
        draft.module.networkId,
        draft.module.organisationId,
        draft.versionNumber,
        draft.sourceVersionId,
        draft.personId,
        ...contentValues(draft.content),
      ],
    );
    return rows[0].id;
  }

  /** Only a draft changes; the database refuses any change to a published version as well. */
  async updateDraft(versionId: string, content: ModuleContent, sourceVersionId: string | null, personId: string): Promise<void> {
    await this.db.manager.query(
      `update library_module_version
          set (${CONTENT_COLUMNS}) = ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15),
              source_version_id = $16, updated_by = $17, updated_at = now()
        where id = $1 and status = 'draft'`,
      [versionId, ...contentValues(content), sourceVersionId, personId],
    );
  }

  async nextVersionNumber(moduleId: string): Promise<number> {
    const rows: Array<{ next: number }> = await this.db.manager.query(
      `select coalesce(max(version_number), 0)::int + 1 as next from library_module_version where module_id = $1`,
      [moduleId],
    );
    return rows[0].next;
  }

  async publish(versionId: string, changeNote: string | null, personId: string): Promise<void> {
    await this.db.manager.query(
      `update library_module_version set status = 'published', published_at = now(), published_by = $2, change_note = $3,
              updated_at = now(), updated_by = $2
        where id = $1 and status = 'draft'`,
      [versionId, personId, changeNote],
    );
  }

  /** Removes a draft and the attachment contents no other version uses. */
  async deleteDraft(versionId: string): Promise<void> {
    const attachments: Array<{ attachment_id: string }> = await this.db.manager.query(
      `select attachment_id from library_version_attachment where version_id = $1`,
      [versionId],
    );
    await this.db.manager.query(`delete from library_module_version where id = $1 and status = 'draft'`, [versionId]);
    await this.deleteOrphanAttachments(attachments.map((row) => row.attachment_id));
  }

  async hasVersions(moduleId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(`select 1 from library_module_version where module_id = $1 limit 1`, [moduleId]);
    return rows.length > 0;
  }

  async deleteModule(moduleId: string): Promise<void> {
    await this.db.manager.query(`delete from library_module where id = $1`, [moduleId]);
  }

  async setArchived(moduleId: string, archived: boolean): Promise<void> {
    await this.db.manager.query(`update library_module set archived_at = case when $2 then coalesce(archived_at, now()) else null end where id = $1`, [
      moduleId,
      archived,
    ]);
  }

  /** Copies a version's attachment links to another version (the contents are shared, never copied). */
  async copyAttachmentLinks(fromVersionId: string, toVersionId: string, organisationId: string | null): Promise<void> {
    await this.db.manager.query(
      `insert into library_version_attachment (version_id, attachment_id, organisation_id, title, position)
       select $2, attachment_id, $3, title, position from library_version_attachment where version_id = $1
       on conflict do nothing`,
      [fromVersionId, toVersionId, organisationId],
    );
  }

  async replaceAttachmentLinks(fromVersionId: string, toVersionId: string, organisationId: string | null): Promise<void> {
    // A DELETE answers [rows, affected count] through TypeORM's driver.
    const [old]: [Array<{ attachment_id: string }>, number] = await this.db.manager.query(
      `delete from library_version_attachment where version_id = $1 returning attachment_id`,
      [toVersionId],
    );
    await this.copyAttachmentLinks(fromVersionId, toVersionId, organisationId);
    await this.deleteOrphanAttachments(old.map((row) => row.attachment_id));
  }

  async attachmentCount(versionId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.manager.query(`select count(*)::int as n from library_version_attachment where version_id = $1`, [
      versionId,
    ]);
    return rows[0].n;
  }

  async insertAttachment(attachment: {
    module: ModuleHeader;
    versionId: string;
    title: string;
    fileName: string;
    contentType: AttachmentType;
    content: Buffer;
    sha256: string;
    personId: string;
  }): Promise<AttachmentRow> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into library_attachment (network_id, organisation_id, file_name, content_type, byte_size, sha256, content, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        attachment.module.networkId,
        attachment.module.organisationId,
        attachment.fileName,
        attachment.contentType,
        attachment.content.length,
        attachment.sha256,
        attachment.content,
        attachment.personId,
      ],
    );
    const id = rows[0].id;
    const positions: Array<{ position: number }> = await this.db.manager.query(
      `insert into library_version_attachment (version_id, attachment_id, organisation_id, title, position)
       values ($1, $2, $3, $4, (select coalesce(max(position), 0) + 1 from library_version_attachment where version_id = $1))
       returning position`,
      [attachment.versionId, id, attachment.module.organisationId, attachment.title],
    );
    return {
      versionId: attachment.versionId,
      id,
      title: attachment.title,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      byteSize: attachment.content.length,
      position: positions[0].position,
    };
  }

  /** True when the link existed. */
  async unlinkAttachment(versionId: string, attachmentId: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.db.manager.query(
      `delete from library_version_attachment where version_id = $1 and attachment_id = $2`,
      [versionId, attachmentId],
    );
    if (affected === 0) return false;
    await this.deleteOrphanAttachments([attachmentId]);
    return true;
  }

  private async deleteOrphanAttachments(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.manager.query(
      `delete from library_attachment a where a.id = any($1::uuid[])
          and not exists (select 1 from library_version_attachment va where va.attachment_id = a.id)`,
      [ids],
    );
  }

  /** The versions (with their modules) that link an attachment. */
  async attachmentVersions(attachmentId: string): Promise<Array<ModuleHeader & { versionId: string; status: ModuleVersionStatus }>> {
    const rows: Array<{
      version_id: string;
      status: ModuleVersionStatus;
      id: string;
      network_id: string;
      organisation_id: string | null;
      ownership: Ownership;
      source_module_id: string | null;
      archived: boolean;
    }> = await this.db.manager.query(
      `select va.version_id, v.status, m.id, m.network_id, m.organisation_id, m.ownership, m.source_module_id,
              m.archived_at is not null as archived
         from library_version_attachment va
         join library_module_version v on v.id = va.version_id
         join library_module m on m.id = v.module_id
        where va.attachment_id = $1`,
      [attachmentId],
    );
    return rows.map((row) => ({
      versionId: row.version_id,
      status: row.status,
      id: row.id,
      networkId: row.network_id,
      organisationId: row.organisation_id,
      ownership: row.ownership,
      sourceModuleId: row.source_module_id,
      archived: row.archived,
    }));
  }

  async attachmentContent(attachmentId: string): Promise<{ fileName: string; contentType: AttachmentType; content: Buffer } | null> {
    const rows: Array<{ file_name: string; content_type: AttachmentType; content: Buffer }> = await this.db.manager.query(
      `select file_name, content_type, content from library_attachment where id = $1`,
      [attachmentId],
    );
    const row = rows[0];
    return row ? { fileName: row.file_name, contentType: row.content_type, content: row.content } : null;
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
