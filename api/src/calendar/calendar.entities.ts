import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/* The schema is made by migrations (1763900900000-calendar-notifications.ts); queries are raw SQL in calendar.repository.ts. */

@Entity('calendar_feed')
export class CalendarFeedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId!: string | null;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId!: string | null;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}

export const CALENDAR_ENTITIES = [CalendarFeedEntity];
