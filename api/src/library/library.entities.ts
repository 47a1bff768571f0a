import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import {
  AttachmentType,
  CompetenceDimension,
  GlossaryEntry,
  KnowledgeItem,
  ModuleExercise,
  ModuleFormat,
  ModuleLink,
  ModuleTargetGroup,
  ModuleProposalStatus,
  ModuleVersionStatus,
  Ownership,
  ProgramAssignmentTarget,
  ProgramDeadlineBase,
  ProgramKind,
} from '@kunna/contracts';

/*
 * The schema is made by migrations (1763900300000-library.ts); these entities describe it exactly.
 * Queries are raw SQL in the repositories.
 */

@Entity('digcomp_area')
export class DigCompAreaEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text', { name: 'name_sv' }) nameSv!: string;
  @Column('text', { name: 'name_en' }) nameEn!: string;
  @Column('integer') position!: number;
}

@Entity('digcomp_competence')
export class DigCompCompetenceEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text', { name: 'area_code' }) areaCode!: string;
  @Column('text', { name: 'name_sv' }) nameSv!: string;
  @Column('text', { name: 'name_en' }) nameEn!: string;
  @Column('integer') position!: number;
}

@Entity('library_module')
export class LibraryModuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('text') ownership!: Ownership;
  @Column('uuid', { name: 'source_module_id', nullable: true }) sourceModuleId!: string | null;
  @Column('text', { name: 'starter_key', nullable: true }) starterKey!: string | null;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt!: Date | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** A shared module accepted from an organisation's proposal: that organisation and its module (1763902100000). */
  @Column('uuid', { name: 'proposed_by_organisation_id', nullable: true }) proposedByOrganisationId!: string | null;
  @Column('uuid', { name: 'proposed_from_module_id', nullable: true }) proposedFromModuleId!: string | null;
}

/** An organisation's own module proposed to the network's shared library (1763902100000-module-proposals.ts). */
@Entity('library_module_proposal')
export class LibraryModuleProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'module_id' }) moduleId!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text', { default: () => "'pending'" }) status!: ModuleProposalStatus;
  @Column('uuid', { name: 'proposed_by', nullable: true }) proposedBy!: string | null;
  @Column('timestamptz', { name: 'proposed_at', default: () => 'now()' }) proposedAt!: Date;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { name: 'decline_reason', nullable: true }) declineReason!: string | null;
  @Column('uuid', { name: 'shared_module_id', nullable: true }) sharedModuleId!: string | null;
}

@Entity('library_module_version')
export class LibraryModuleVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'module_id' }) moduleId!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('integer', { name: 'version_number' }) versionNumber!: number;
  @Column('text') status!: ModuleVersionStatus;
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text', { name: 'learning_goals', array: true, default: () => "'{}'" }) learningGoals!: string[];
  @Column('text', { name: 'competence_dimensions', array: true, default: () => "'{}'" }) competenceDimensions!: CompetenceDimension[];
  @Column('text', { name: 'digcomp_codes', array: true, default: () => "'{}'" }) digCompCodes!: string[];
  @Column('text', { name: 'target_groups', array: true, default: () => "'{}'" }) targetGroups!: ModuleTargetGroup[];
  @Column('text') format!: ModuleFormat;
  @Column('integer', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('jsonb', { default: () => "'[]'" }) glossary!: GlossaryEntry[];
  @Column('text', { name: 'facilitator_guide', default: '' }) facilitatorGuide!: string;
  @Column('jsonb', { default: () => "'[]'" }) exercises!: ModuleExercise[];
  @Column('jsonb', { default: () => "'[]'" }) links!: ModuleLink[];
  @Column('jsonb', { name: 'knowledge_items', default: () => "'[]'" }) knowledgeItems!: KnowledgeItem[];
  @Column('integer', { name: 'repeat_interval_weeks', nullable: true }) repeatIntervalWeeks!: number | null;
  @Column('uuid', { name: 'source_version_id', nullable: true }) sourceVersionId!: string | null;
  @Column('text', { name: 'change_note', nullable: true }) changeNote!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy!: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
}

@Entity('library_attachment')
export class LibraryAttachmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'content_type' }) contentType!: AttachmentType;
  @Column('integer', { name: 'byte_size' }) byteSize!: number;
  @Column('text') sha256!: string;
  @Column('bytea') content!: Buffer;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('library_version_attachment')
export class LibraryVersionAttachmentEntity {
  @PrimaryColumn('uuid', { name: 'version_id' }) versionId!: string;
  @PrimaryColumn('uuid', { name: 'attachment_id' }) attachmentId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('text') title!: string;
  @Column('integer') position!: number;
}

@Entity('library_program')
export class LibraryProgramEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('text') ownership!: Ownership;
  @Column('text') title!: string;
  @Column('text', { default: '' }) summary!: string;
  @Column('text') kind!: ProgramKind;
  @Column('integer', { name: 'complete_within_days', nullable: true }) completeWithinDays!: number | null;
  @Column('text', { name: 'deadline_base', default: 'assignment_start' }) deadlineBase!: ProgramDeadlineBase;
  @Column('text', { name: 'starter_key', nullable: true }) starterKey!: string | null;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt!: Date | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('library_program_step')
export class LibraryProgramStepEntity {
  @PrimaryColumn('uuid', { name: 'program_id' }) programId!: string;
  @PrimaryColumn('integer') position!: number;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('uuid', { name: 'module_id' }) moduleId!: string;
  @Column('integer', { name: 'days_after_previous', default: 0 }) daysAfterPrevious!: number;
  @Column('text', { nullable: true }) note!: string | null;
}

@Entity('library_program_qualification')
export class LibraryProgramQualificationEntity {
  @PrimaryColumn('uuid', { name: 'program_id' }) programId!: string;
  @PrimaryColumn('uuid', { name: 'module_id' }) moduleId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
}

@Entity('library_program_assignment')
export class LibraryProgramAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'program_id' }) programId!: string;
  @Column('text', { name: 'target_type' }) targetType!: ProgramAssignmentTarget;
  @Column('uuid', { name: 'area_id', nullable: true }) areaId!: string | null;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId!: string | null;
  @Column('text', { nullable: true }) role!: string | null;
  @Column('text', { name: 'role_title', nullable: true }) roleTitle!: string | null;
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'ended_by', nullable: true }) endedBy!: string | null;
}

export const LIBRARY_ENTITIES = [
  DigCompAreaEntity,
  DigCompCompetenceEntity,
  LibraryModuleEntity,
  LibraryModuleVersionEntity,
  LibraryModuleProposalEntity,
  LibraryAttachmentEntity,
  LibraryVersionAttachmentEntity,
  LibraryProgramEntity,
  LibraryProgramStepEntity,
  LibraryProgramQualificationEntity,
  LibraryProgramAssignmentEntity,
];
