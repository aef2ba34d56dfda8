/**
 * Domain errors carry a stable machine-readable code; the server maps them to
 * HTTP status and RFC 9457 problem+json in one place. Codes never change once
 * published: clients and partner integrations branch on them.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  UNKNOWN_SHARE_TARGET: 400,
  INVALID_CREDENTIALS: 401,
  AUTHENTICATION_REQUIRED: 401,
  SESSION_EXPIRED: 401,
  PERMISSION_DENIED: 403,
  CSRF_TOKEN_INVALID: 403,
  MARKING_LOWER_FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  NOT_ACCEPTABLE: 406,
  INTERNAL: 500,
  AUDIT_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type ErrorDetail = { field: string; message: string };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: ErrorDetail[] } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details ?? (options.field ? [{ field: options.field, message }] : []);
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
