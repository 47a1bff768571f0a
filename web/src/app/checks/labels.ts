import { CheckItemKind, CheckKind } from '@kunna/contracts';
import { TranslationKey } from '../i18n/i18n';

export const checkKindKey = (kind: CheckKind | string): TranslationKey => `checks.kind.${kind}` as TranslationKey;
export const dimensionKey = (dimension: string | null): TranslationKey => `checks.dimension.${dimension ?? 'none'}` as TranslationKey;
export const itemKindKey = (kind: CheckItemKind | string): TranslationKey => `checks.itemKind.${kind}` as TranslationKey;
