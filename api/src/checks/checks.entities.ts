import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/* The schema is made by migrations (1763900500000-checks.ts, 1763900950000-checks-follow-up.ts); these entities describe it exactly. */

@Entity('check_core_item')
export class CheckCoreItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('jsonb') item!: unknown;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('check_instrument')
export class CheckInstrumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') title!: string;
  @Column('jsonb', { nullable: true }) draft!: unknown;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  @Column('boolean', { name: 'allow_draft_translations', default: false }) allowDraftTranslations!: boolean;
}

@Entity('check_instrument_version')
export class CheckInstrumentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'instrument_id' }) instrumentId!: string;
  @Column('integer') version!: number;
  @Column('text') title!: string;
  @Column('text', { name: 'description_sv', nullable: true }) descriptionSv!: string | null;
  @Column('double precision', { name: 'support_threshold' }) supportThreshold!: number;
  @Column('jsonb') items!: unknown;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy!: string | null;
  @Column('timestamptz', { name: 'published_at', default: () => 'now()' }) publishedAt!: Date;
}

@Entity('check_assignment')
export class CheckAssignmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('uuid', { name: 'instrument_version_id' }) instrumentVersionId!: string;
  @Column('text') title!: string;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId!: string | null;
  @Column('uuid', { name: 'program_id', nullable: true }) programId!: string | null;
  @Column('integer', { name: 'follow_up_weeks', default: 10 }) followUpWeeks!: number;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('check_round')
export class CheckRoundEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'assignment_id' }) assignmentId!: string;
  @Column('text') kind!: string;
  @Column('text', { unique: true }) code!: string;
  @Column('date', { name: 'opens_on' }) opensOn!: string;
  @Column('date', { name: 'closes_on', nullable: true }) closesOn!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('check_response')
export class CheckResponseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'round_id' }) roundId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text', { default: 'in_progress' }) status!: string;
  @Column('text') form!: string;
  @Column('text') via!: string;
  @Column('timestamptz', { name: 'started_at', default: () => 'now()' }) startedAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('text', { default: 'sv' }) language!: string;
}

@Entity('check_answer')
export class CheckAnswerEntity {
  @PrimaryColumn('uuid', { name: 'response_id' }) responseId!: string;
  @PrimaryColumn('text', { name: 'item_key' }) itemKey!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('boolean', { default: false }) declined!: boolean;
  @Column('jsonb', { nullable: true }) value!: unknown;
  @Column('uuid', { name: 'rated_by', nullable: true }) ratedBy!: string | null;
  @Column('timestamptz', { name: 'answered_at', default: () => 'now()' }) answeredAt!: Date;
  @Column('text', { default: 'sv' }) language!: string;
}

/* 1763902420000-check-item-translations.ts */
@Entity('check_item_translation')
export class CheckItemTranslationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('uuid', { name: 'instrument_id', nullable: true }) instrumentId!: string | null;
  @Column('text', { name: 'item_key' }) itemKey!: string;
  @Column('text') language!: string;
  @Column('text') text!: string;
  @Column('jsonb', { default: () => "'{}'" }) options!: Record<string, string>;
  @Column('text', { name: 'source_text' }) sourceText!: string;
  @Column('text') source!: string;
  @Column('text', { default: 'draft' }) status!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  @Column('uuid', { name: 'reviewed_by', nullable: true }) reviewedBy!: string | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt!: Date | null;
}

@Entity('check_item_audio')
export class CheckItemAudioEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'instrument_id' }) instrumentId!: string;
  @Column('text', { name: 'item_key' }) itemKey!: string;
  @Column('text') language!: string;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('integer', { name: 'byte_size' }) byteSize!: number;
  @Column('text') sha256!: string;
  @Column('bytea') content!: Buffer;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const CHECK_ENTITIES = [
  CheckCoreItemEntity,
  CheckInstrumentEntity,
  CheckInstrumentVersionEntity,
  CheckAssignmentEntity,
  CheckRoundEntity,
  CheckResponseEntity,
  CheckAnswerEntity,
  CheckItemTranslationEntity,
  CheckItemAudioEntity,
];
