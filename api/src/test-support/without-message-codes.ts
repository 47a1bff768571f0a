/**
 * An error body (or its field list) without the catalogue codes the API adds to every message (`messageCode`,
 * `messageParams`), for tests that compare the messages themselves. The codes have their own tests
 * (api/src/common/api-messages.spec.ts; e2e/api/organisation.e2e-spec.ts checks one over HTTP).
 */
export function withoutMessageCodes<T>(value: T): T {
  if (Array.isArray(value)) return value.map((entry) => withoutMessageCodes(entry)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const { messageCode: _code, messageParams: _params, ...rest } = value as Record<string, unknown>;
  void _code;
  void _params;
  if (Array.isArray(rest['details'])) rest['details'] = withoutMessageCodes(rest['details']);
  return rest as T;
}
