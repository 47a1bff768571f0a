import {
  AllocationKind,
  CompetenceDimension,
  CoverageFlag,
  ModuleFormat,
  ModuleTargetGroup,
  Ownership,
  ProgramAssignmentTarget,
  ProgramDeadlineBase,
  ProgramKind,
  QualificationSource,
  QualificationStatus,
} from '@kunna/contracts';
import { TranslationKey } from '../i18n/i18n';

/** Translation keys for the library's and ambassadors' enums, so templates never build keys from strings. */
export const ownershipKey = (value: Ownership): TranslationKey => `libraryEnum.ownership.${value}`;
export const dimensionKey = (value: CompetenceDimension): TranslationKey => `libraryEnum.dimension.${value}`;
export const formatKey = (value: ModuleFormat): TranslationKey => `libraryEnum.format.${value}`;
export const targetGroupKey = (value: ModuleTargetGroup): TranslationKey => `libraryEnum.targetGroup.${value}`;
export const programKindKey = (value: ProgramKind): TranslationKey => `libraryEnum.programKind.${value}`;
export const deadlineBaseKey = (value: ProgramDeadlineBase): TranslationKey => `libraryEnum.deadlineBase.${value}`;
export const assignmentTargetKey = (value: ProgramAssignmentTarget): TranslationKey => `libraryEnum.assignmentTarget.${value}`;
export const allocationKindKey = (value: AllocationKind): TranslationKey => `libraryEnum.allocation.${value}`;
export const qualificationSourceKey = (value: QualificationSource): TranslationKey => `libraryEnum.qualificationSource.${value}`;
export const qualificationStatusKey = (value: QualificationStatus): TranslationKey => `libraryEnum.qualificationStatus.${value}`;
export const coverageFlagKey = (value: CoverageFlag): TranslationKey => `libraryEnum.coverageFlag.${value}`;

export const DIMENSIONS = Object.values(CompetenceDimension);
export const FORMATS = Object.values(ModuleFormat);
export const TARGET_GROUPS = Object.values(ModuleTargetGroup);
export const PROGRAM_KINDS = Object.values(ProgramKind);

/** Choices for "at most N minutes" in the library search (sessions are typically 20–60 minutes). */
export const DURATION_CHOICES = [20, 30, 45, 60, 90] as const;
