import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('personal_data_settings')
export class PersonalDataSettingsEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('integer', { name: 'retention_months', nullable: true }) retentionMonths!: number | null;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
