import { ActivityCategory, ConflictKind, SessionShift } from '@kunna/contracts';
import { TranslationKey } from '../i18n/i18n';

export function categoryKey(category: ActivityCategory): TranslationKey {
  return `sessions.categories.${category}` as TranslationKey;
}

export function shiftKey(shift: SessionShift): TranslationKey {
  return `sessions.shifts.${shift}` as TranslationKey;
}

export function conflictKey(kind: ConflictKind): TranslationKey {
  return `sessions.conflicts.${kind}` as TranslationKey;
}
