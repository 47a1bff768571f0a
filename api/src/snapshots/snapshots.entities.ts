import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One kept organisation-wide view (migrations/1763902500000-insight-snapshots.ts). */
@Entity('insight_snapshot')
export class InsightSnapshotEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('text') view!: string;
  /** The query in canonical JSON (`keptQuery`). */
  @PrimaryColumn('text', { name: 'query_key' }) queryKey!: string;
  @Column('jsonb') query!: Record<string, unknown>;
  @Column('jsonb') body!: unknown;
  @Column('timestamptz', { name: 'computed_at' }) computedAt!: Date;
  @Column('integer', { name: 'compute_ms' }) computeMs!: number;
  @Column('timestamptz', { name: 'read_at' }) readAt!: Date;
}

/** An organisation whose source rows changed since its views were last recomputed (marked by triggers). */
@Entity('insight_stale')
export class InsightStaleEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('timestamptz', { default: () => 'now()' }) since!: Date;
}

export const SNAPSHOT_ENTITIES = [InsightSnapshotEntity, InsightStaleEntity];
