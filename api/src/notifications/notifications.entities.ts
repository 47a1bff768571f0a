import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/* The schema is made by migrations (1763900900000-calendar-notifications.ts); queries are raw SQL in notifications.repository.ts. */

@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text') kind!: string;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId!: string | null;
  @Column('jsonb', { default: () => "'{}'" }) details!: object;
  @Column('text', { name: 'dedupe_key' }) dedupeKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
}

@Entity('mail_outbox')
export class MailOutboxEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId!: string | null;
  @Column('text', { name: 'to_address' }) toAddress!: string;
  @Column('text') subject!: string;
  @Column('text') body!: string;
  @Column('text', { default: 'pending' }) status!: string;
  @Column('text', { name: 'message_id', nullable: true }) messageId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
}

export const NOTIFICATION_ENTITIES = [NotificationEntity, MailOutboxEntity];
