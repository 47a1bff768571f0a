/** What a list read is about: the person or unit it was narrowed to, if any. */
export function readTarget(query: { personId?: string; unitId?: string }): { targetType?: string; targetId?: string } {
  if (query.personId) return { targetType: 'person', targetId: query.personId };
  if (query.unitId) return { targetType: 'unit', targetId: query.unitId };
  return {};
}
