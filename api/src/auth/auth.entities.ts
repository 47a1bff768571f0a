import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('credential')
export class CredentialEntity {
  @PrimaryColumn('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash!: string | null;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true }) passwordChangedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export type OneTimeCodePurpose = 'first_sign_in' | 'password_reset';

@Entity('one_time_code')
export class OneTimeCodeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text') purpose!: OneTimeCodePurpose;
  @Column('text', { name: 'code_hash', unique: true }) codeHash!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('auth_session')
export class AuthSessionEntity {
  /** SHA-256 of the cookie token: a leaked table does not hand out live sessions. */
  @PrimaryColumn('text') id!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'csrf_token' }) csrfToken!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_seen_at', default: () => 'now()' }) lastSeenAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent!: string | null;
  /** Set on a kiosk credential (api/src/kiosk): the one check round it serves; every other route refuses it. */
  @Column('uuid', { name: 'kiosk_round_id', nullable: true }) kioskRoundId!: string | null;
}
