import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EmploymentType, Gender, Role, ScopeType, UiLanguage } from '@kunna/contracts';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'employee_number' }) employeeNumber!: string;
  @Column('text', { name: 'first_name' }) firstName!: string;
  @Column('text', { name: 'last_name' }) lastName!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { name: 'role_title' }) roleTitle!: string;
  @Column('text', { name: 'employment_type' }) employmentType!: EmploymentType;
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
  @Column('text', { nullable: true }) gender!: Gender | null;
  @Column('text', { name: 'preferred_language', default: 'sv' }) preferredLanguage!: UiLanguage;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('timestamptz', { name: 'pseudonymised_at', nullable: true }) pseudonymisedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('unit_membership')
export class UnitMembershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'unit_id' }) unitId!: string;
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
}

@Entity('role_assignment')
export class RoleAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text') role!: Exclude<Role, Role.Staff>;
  @Column('text', { name: 'scope_type' }) scopeType!: ScopeType;
  @Column('uuid', { name: 'scope_id' }) scopeId!: string;
  @Column('date', { name: 'start_date', default: () => 'CURRENT_DATE' }) startDate!: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
