import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ImportCounts, ImportMode } from '@kunna/contracts';

@Entity('import_run')
export class ImportRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'file_sha256' }) fileSha256!: string;
  @Column('text') mode!: ImportMode;
  @Column('jsonb') counts!: ImportCounts;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
