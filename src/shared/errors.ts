/**
 * Typed application errors. Every error a user can cause has a stable `code`;
 * the HTTP layer maps the kind to a status in one place (platform/http/errors.ts).
 */
export type ErrorKind =
  | 'validation' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'payload_too_large' // 413
  | 'too_many_requests' // 429
  | 'bad_gateway'; // 502: a service Kontor relies on (the ČNB's rate list) did not answer usably

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `billingAddress.city`; empty for the whole body. */
  path: string;
  /** Stable code the UI translates, e.g. `invalid_company_id`. */
  code: string;
  /** English explanation, the fallback when the UI has no translation. */
  message: string;
  /** The least value, length or number of items allowed, on a too_small / too_short detail of a broken (inclusive) limit. */
  minimum?: number;
  /** The greatest value, length or number of items allowed, on a too_big / too_long detail of a broken (inclusive) limit. */
  maximum?: number;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: ErrorDetail[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    options: { details?: ErrorDetail[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = options.details;
    this.extra = options.extra;
  }
}

export const notFound = (entity: string): AppError =>
  new AppError('not_found', 'not_found', `${entity} not found`);

export const forbidden = (why = 'You are not allowed to do this'): AppError =>
  new AppError('forbidden', 'forbidden', why);

export const invalid = (details: ErrorDetail[], message = 'The request is not valid'): AppError =>
  new AppError('validation', 'validation_failed', message, { details });

export const conflict = (code: string, message: string, details?: ErrorDetail[]): AppError =>
  new AppError('conflict', code, message, details ? { details } : {});

export const staleVersion = (entity: string): AppError =>
  new AppError(
    'conflict',
    'stale_version',
    `${entity} was changed by someone else since you loaded it; reload and apply your change again`,
  );

/** Throws one 400 listing every problem, when there are any. */
export function failIf(problems: ErrorDetail[]): void {
  if (problems.length) throw invalid(problems);
}

export const duplicate = (path: string, message: string): AppError =>
  conflict('duplicate', message, [{ path, code: 'duplicate', message }]);

export const unknownReference = (path: string, what: string): ErrorDetail => ({
  path,
  code: 'unknown_reference',
  message: `${what} does not exist`,
});
