import { AreaKind, EmploymentType, Gender, ImportField, ImportMode, OrganisationKind, Role, ScopeType } from '@kunna/contracts';
import { TranslationKey } from './i18n';

/** Translation keys for the contracts' enums, so templates never build keys from strings. */
export const roleKey = (role: Role): TranslationKey => `role.${role}`;
export const scopeTypeKey = (scope: ScopeType): TranslationKey => `scopeType.${scope}`;
export const employmentKey = (type: EmploymentType): TranslationKey => `employment.${type}`;
export const genderKey = (gender: Gender): TranslationKey => `gender.${gender}`;
export const areaKindKey = (kind: AreaKind): TranslationKey => `areaKind.${kind}`;
export const organisationKindKey = (kind: OrganisationKind): TranslationKey => `organisationKind.${kind}`;
export const importFieldKey = (field: ImportField): TranslationKey => `importField.${field}`;
export const importModeKey = (mode: ImportMode): TranslationKey => `imports.mode.${mode}`;
