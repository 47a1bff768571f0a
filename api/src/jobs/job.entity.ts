import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JobStatus = 'pending' | 'done' | 'failed' | 'cancelled';

/* The schema is made by migrations (1763900600000-jobs.ts); this entity describes it exactly. */
@Entity('job')
export class JobEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') kind!: string;
  @Column('jsonb', { default: () => "'{}'" }) payload!: Record<string, unknown>;
  /** The organisation the job acts for (not `organisation_id`: see the migration). */
  @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId!: string | null;
  @Column('text', { name: 'unique_key', nullable: true }) uniqueKey!: string | null;
  @Column('timestamptz', { name: 'run_at', default: () => 'now()' }) runAt!: Date;
  @Column('text', { default: 'pending' }) status!: JobStatus;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('integer', { name: 'max_attempts', default: 5 }) maxAttempts!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
}
