import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One group an aggregate was released for (migrations/1763901700000-privacy-release.ts). */
@Entity('privacy_release')
export class PrivacyReleaseEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') family!: string;
  /** Hash of the sorted element keys: each distinct set once per family. */
  @Column('text', { name: 'set_key' }) setKey!: string;
  @Column('bigint', { array: true }) elements!: string[];
  @Column('bigint', { array: true }) persons!: string[];
  @CreateDateColumn({ name: 'released_at', type: 'timestamptz' }) releasedAt!: Date;
}
