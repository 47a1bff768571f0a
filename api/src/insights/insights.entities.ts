import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/* The schema is made by migrations (1763900800000-insights.ts); these entities describe it exactly. Queries are raw SQL
   in the sub-folders' repositories. Ids are client-generated so a retried create is recognised. */

@Entity('insight_plan_entry')
export class InsightPlanEntryEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('date') month!: string;
  @Column('uuid', { name: 'program_id', nullable: true }) programId!: string | null;
  @Column('uuid', { name: 'series_id', nullable: true }) seriesId!: string | null;
  @Column('uuid', { name: 'module_id', nullable: true }) moduleId!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('insight_target')
export class InsightTargetEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('uuid', { name: 'program_id' }) programId!: string;
  @Column('text', { name: 'employment_types', array: true }) employmentTypes!: string[];
  @Column('integer', { name: 'target_percent' }) targetPercent!: number;
  @Column('date', { name: 'due_date' }) dueDate!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('insight_hourly_rate')
export class InsightHourlyRateEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('date', { name: 'valid_from' }) validFrom!: string;
  /** numeric(10,2): pg returns it as a string. */
  @Column('numeric', { name: 'participant_rate', precision: 10, scale: 2 }) participantRate!: string;
  @Column('numeric', { name: 'facilitator_rate', precision: 10, scale: 2 }) facilitatorRate!: string;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('insight_external_cost')
export class InsightExternalCostEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('date', { name: 'period_start' }) periodStart!: string;
  @Column('date', { name: 'period_end' }) periodEnd!: string;
  @Column('text') category!: string;
  @Column('numeric', { precision: 12, scale: 2 }) amount!: string;
  @Column('text') description!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/* Competence profiles (1763901300000-competence-profiles.ts); queries in profiles.repository.ts. */
@Entity('competence_profile')
export class CompetenceProfileEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'role_title' }) roleTitle!: string;
  @Column('uuid', { name: 'area_id', nullable: true }) areaId!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}

@Entity('competence_profile_target')
export class CompetenceProfileTargetEntity {
  @PrimaryColumn('uuid', { name: 'profile_id' }) profileId!: string;
  @PrimaryColumn('text') competence!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('smallint', { name: 'target_level' }) targetLevel!: number;
}

/**
 * Participation minutes per organisation, person (or walk-in) and day, kept by triggers
 * (migrations/1763901900000-insight-participation-day.ts); read by costs/costs.repository.ts, rebuilt by
 * `npm run insights:rebuild`.
 */
@Entity('insight_participation_day')
export class InsightParticipationDayEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('date') date!: string;
  @PrimaryColumn('text') who!: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId!: string | null;
  @Column('integer') minutes!: number;
}

/**
 * Per check response and measure, the sum and count of its four-step ratings, kept by triggers
 * (migrations/1763902000000-insight-response-level.ts); read by the competence trend.
 */
@Entity('insight_response_level')
export class InsightResponseLevelEntity {
  @PrimaryColumn('uuid', { name: 'response_id' }) responseId!: string;
  @PrimaryColumn('text') measure!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('double precision', { name: 'rating_sum' }) ratingSum!: number;
  @Column('integer', { name: 'rating_count' }) ratingCount!: number;
}

export const INSIGHT_ENTITIES = [
  InsightParticipationDayEntity,
  InsightResponseLevelEntity,
  InsightPlanEntryEntity,
  InsightTargetEntity,
  InsightHourlyRateEntity,
  InsightExternalCostEntity,
  CompetenceProfileEntity,
  CompetenceProfileTargetEntity,
];
