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
  /** 429 and 503: seconds until trying again is worthwhile (also in `Retry-After`). */
  retryAfterSeconds?: number;
  /** 409: the existing object the conflict is about, where the client can go to it instead. */
  appointmentId?: string;
  qualificationId?: string;
  moduleId?: string;
  sharedModuleId?: string | null;
  assignmentId?: string;
  targetId?: string;
  /** 409: the state that forbids the request (a proposal already accepted or declined). */
  status?: string;
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
