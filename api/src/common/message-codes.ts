import { API_MESSAGES, ApiError, ApiMessageCode, ApiMessageParams, FieldError } from '@kunna/contracts';

interface MessagePattern {
  code: ApiMessageCode;
  pattern: RegExp;
  names: string[];
  /** Characters outside the values: the more, the more specific (`Rätta svar: högst {max} st.` before `{label}: högst {max} st.`). */
  fixed: number;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const EXACT = new Map<string, ApiMessageCode>();
const PATTERNS: MessagePattern[] = [];

for (const [code, text] of Object.entries(API_MESSAGES) as [ApiMessageCode, string][]) {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
  if (names.length === 0) {
    EXACT.set(text, code);
    continue;
  }
  const pieces = text.split(/\{\w+\}/);
  const source = pieces.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.*?)');
  PATTERNS.push({ code, pattern: new RegExp(`^${source}$`, 's'), names, fixed: pieces.join('').length });
}
PATTERNS.sort((a, b) => b.fixed - a.fixed);

/**
 * The catalogue code of a Swedish message and the values in it (`Högst 200 tecken.` has none; `Enheten Solgården är
 * stängd.` has `{ name: 'Solgården' }`), or null for a text the catalogue does not know.
 */
export function messageCodeOf(message: string): { messageCode: ApiMessageCode; messageParams?: ApiMessageParams } | null {
  const exact = EXACT.get(message);
  if (exact) return { messageCode: exact };
  for (const { code, pattern, names } of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return { messageCode: code, messageParams: Object.fromEntries(names.map((name, index) => [name, match[index + 1]])) };
  }
  return null;
}

/** The error body with the code (and values) of its message and of every field message, for clients to translate. */
export function withMessageCodes<T extends ApiError>(body: T): T {
  const details = Array.isArray(body.details) ? body.details.map((detail: FieldError) => ({ ...detail, ...messageCodeOf(detail.message) })) : undefined;
  return { ...body, ...messageCodeOf(body.message), ...(details ? { details } : {}) };
}
