import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('uuid', { name: 'actor_person_id', nullable: true }) actorPersonId!: string | null;
  @Column('text') action!: string;
  @Column('text', { name: 'target_type', nullable: true }) targetType!: string | null;
  @Column('text', { name: 'target_id', nullable: true }) targetId!: string | null;
  @Column('jsonb', { default: () => `'{}'` }) details!: Record<string, unknown>;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('audit_settings')
export class AuditSettingsEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('integer', { name: 'retention_days', nullable: true }) retentionDays!: number | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
