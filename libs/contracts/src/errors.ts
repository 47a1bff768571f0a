/** Every error the API returns has this shape. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Per-field problems for validation errors. */
  details?: FieldError[];
  requestId?: string;
}

export interface FieldError {
  field: string;
  message: string;
  /** For imports: 1-based line and column in the uploaded file. */
  line?: number;
  column?: number;
}
