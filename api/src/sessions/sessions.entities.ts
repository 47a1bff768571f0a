import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ActivityCategory, AttendanceStatus, MarkOutcome, SessionAudience, SessionShift, SessionStatus } from '@kunna/contracts';

/* The schema is made by migrations (1763900400000-sessions.ts); these entities describe it exactly. Queries are raw SQL
   in the repositories of scheduling/, series/, attendance/ and support/. */

@Entity('session_series')
export class SessionSeriesEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('uuid', { name: 'program_id', nullable: true }) programId!: string | null;
  @Column('integer', { name: 'interval_weeks' }) intervalWeeks!: number;
  @Column('integer', { name: 'occurrence_count' }) occurrenceCount!: number;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('uuid', { name: 'module_version_id' }) moduleVersionId!: string;
  @Column('uuid', { name: 'series_id', nullable: true }) seriesId!: string | null;
  @Column('integer', { name: 'series_position', nullable: true }) seriesPosition!: number | null;
  @Column('uuid', { name: 'program_id', nullable: true }) programId!: string | null;
  @Column('date') date!: string;
  @Column('time', { name: 'start_time' }) startTime!: string;
  @Column('integer', { name: 'duration_minutes' }) durationMinutes!: number;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('text') place!: string;
  @Column('integer', { nullable: true }) capacity!: number | null;
  @Column('text', { name: 'activity_category' }) activityCategory!: ActivityCategory;
  @Column('text', { nullable: true }) shift!: SessionShift | null;
  @Column('text') audience!: SessionAudience;
  @Column('text', { default: 'scheduled' }) status!: SessionStatus;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text', { name: 'facilitator_reason', nullable: true }) facilitatorReason!: string | null;
  @Column('integer', { default: 0 }) revision!: number;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('session_facilitators')
export class SessionFacilitatorEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
}

@Entity('session_invitations')
export class SessionInvitationEntity {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId!: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('attendance_marks')
export class AttendanceMarkEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId!: string | null;
  @Column('text', { name: 'walk_in_name', nullable: true }) walkInName!: string | null;
  @Column('boolean', { name: 'walk_in', default: false }) walkIn!: boolean;
  @Column('text') status!: AttendanceStatus;
  @Column('integer', { nullable: true }) minutes!: number | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
}

@Entity('attendance_mark_receipts')
export class AttendanceMarkReceiptEntity {
  @PrimaryColumn('uuid', { name: 'mark_id' }) markId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId!: string | null;
  @Column('text', { name: 'walk_in_name', nullable: true }) walkInName!: string | null;
  @Column('text') status!: AttendanceStatus;
  @Column('integer', { nullable: true }) minutes!: number | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  /** `cleared`: the mark was in force and was cleared (DELETE …/attendance/:markId); the receipt is its tombstone. */
  @Column('text') outcome!: Exclude<MarkOutcome, MarkOutcome.Replayed> | 'cleared';
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'cleared_at', nullable: true }) clearedAt!: Date | null;
  @Column('uuid', { name: 'cleared_by', nullable: true }) clearedBy!: string | null;
}

@Entity('support_entries')
export class SupportEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'ambassador_id' }) ambassadorId!: string;
  @Column('date') date!: string;
  @Column('integer') minutes!: number;
  @Column('text') topic!: string;
  @Column('uuid', { name: 'module_id', nullable: true }) moduleId!: string | null;
  @Column('text', { nullable: true }) notes!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const SESSION_ENTITIES = [
  SessionSeriesEntity,
  SessionEntity,
  SessionFacilitatorEntity,
  SessionInvitationEntity,
  AttendanceMarkEntity,
  AttendanceMarkReceiptEntity,
  SupportEntryEntity,
];
