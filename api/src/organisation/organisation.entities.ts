import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AreaKind, OrganisationKind } from '@kunna/contracts';

@Entity('network')
export class NetworkEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'network_id' }) networkId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: OrganisationKind;
  @Column('integer', { name: 'min_group_size', default: 5 }) minGroupSize!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('area')
export class AreaEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: AreaKind;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'area_id' }) areaId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) code!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('date', { name: 'closed_at', nullable: true }) closedAt!: string | null;
}
