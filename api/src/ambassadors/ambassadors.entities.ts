import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AllocationKind, QualificationSource } from '@kunna/contracts';

/* The schema is made by migrations (1763900310000-ambassadors.ts); these entities describe it exactly. */

@Entity('ambassador_appointment')
export class AmbassadorAppointmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text', { name: 'allocation_kind' }) allocationKind!: AllocationKind;
  /** numeric(6,2): pg returns it as a string. */
  @Column('numeric', { name: 'allocation_value', precision: 6, scale: 2 }) allocationValue!: string;
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('ambassador_appointment_unit')
export class AmbassadorAppointmentUnitEntity {
  @PrimaryColumn('uuid', { name: 'appointment_id' }) appointmentId!: string;
  @PrimaryColumn('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'role_assignment_id', nullable: true }) roleAssignmentId!: string | null;
  @Column('boolean', { name: 'grant_created', default: false }) grantCreated!: boolean;
}

@Entity('ambassador_qualification')
export class AmbassadorQualificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'module_id' }) moduleId!: string;
  @Column('text') source!: QualificationSource;
  @Column('uuid', { name: 'program_id', nullable: true }) programId!: string | null;
  @Column('date', { name: 'valid_from' }) validFrom!: string;
  @Column('date', { name: 'valid_until', nullable: true }) validUntil!: string | null;
  @Column('uuid', { name: 'renews_id', nullable: true }) renewsId!: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('uuid', { name: 'revoked_by', nullable: true }) revokedBy!: string | null;
  @Column('text', { name: 'revoke_reason', nullable: true }) revokeReason!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const AMBASSADOR_ENTITIES = [AmbassadorAppointmentEntity, AmbassadorAppointmentUnitEntity, AmbassadorQualificationEntity];
