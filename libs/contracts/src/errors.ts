import type { ApiMessageCode, ApiMessageParams } from './api-messages';

/** Every error the API returns has this shape. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Per-field problems for validation errors. */
  details?: FieldError[];
  /** A stable name for the problem where clients react to it (`lockedOut`, `csrf`, …); the message may change. */
  code?: string;
  /** The message's code in the catalogue (api-messages.ts) and the values in it: clients show their own translation. */
  messageCode?: ApiMessageCode;
  messageParams?: ApiMessageParams;
  requestId?: string;
}

export interface FieldError {
  field: string;
  message: string;
  /** A stable name for the problem, for clients that react to it (`nulCharacter`, `passwordTooWeak`, …); the message may change. */
  code?: string;
  /** The message's code in the catalogue (api-messages.ts) and the values in it. */
  messageCode?: ApiMessageCode;
  messageParams?: ApiMessageParams;
  /** For imports: 1-based line and column in the uploaded file. */
  line?: number;
  column?: number;
}
