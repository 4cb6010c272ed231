import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail, type ErrorKind } from '../../shared/errors.ts';
import { isForeignKeyViolation, uniqueViolationIndex } from '../db/index.ts';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  bad_gateway: 502,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] } & Record<string, unknown>;
}

/** Unique indexes (or SQLite's table.column names) mapped to the field a user can fix. */
const UNIQUE_FIELDS: Record<string, { path: string; message: string }> = {
  users_email_unique: { path: 'email', message: 'A user with this e-mail already exists' },
  'users.email': { path: 'email', message: 'A user with this e-mail already exists' },
  clients_company_id_unique: { path: 'companyId', message: 'A client with this company id already exists' },
  'clients.country, clients.company_id': { path: 'companyId', message: 'A client with this company id already exists' },
};

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  format?: string;
  keys?: string[];
  params?: { code?: string };
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

/** Turns zod issues into stable, translatable field codes. */
export function detailsFromIssues(issues: readonly ZodLikeIssue[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) {
        out.push({ path: path ? `${path}.${key}` : key, code: 'unknown_field', message: `Unknown field "${key}"` });
      }
      continue;
    }
    out.push({ path, code: issueCode(issue), message: issue.message, ...brokenLimit(issue) });
  }
  return out;
}

/**
 * The limit a too_big / too_small issue broke (a text's length, a list's items, a number's value), so a
 * client can say "at most 200 characters" without reading the English message. Only an inclusive limit
 * is sent: "at most" / "at least" would be off by one for zod's exclusive gt/lt, whose message says ">0".
 */
function brokenLimit(issue: ZodLikeIssue): Pick<ErrorDetail, 'minimum' | 'maximum'> {
  if (issue.inclusive === false) return {};
  if (issue.code === 'too_big') {
    const maximum = limitNumber(issue.maximum);
    return maximum === undefined ? {} : { maximum };
  }
  if (issue.code === 'too_small') {
    const minimum = limitNumber(issue.minimum);
    return minimum === undefined ? {} : { minimum };
  }
  return {};
}

/** A limit as a JSON number; none for a bigint beyond the safe range or a non-finite bound (JSON would lose it). */
function limitNumber(limit: number | bigint | undefined): number | undefined {
  const value = typeof limit === 'bigint' ? Number(limit) : limit;
  return value !== undefined && Number.isFinite(value) && (typeof limit !== 'bigint' || Number.isSafeInteger(value)) ? value : undefined;
}

function issueCode(issue: ZodLikeIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod does not report the input by default; its message names a missing value as "received undefined".
      return issue.input === undefined && /received undefined/.test(issue.message) ? 'required' : 'invalid_type';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'too_small':
      // An empty string where at least one character is needed is a missing value to the user.
      if (issue.origin === 'string') return issue.input === '' || issue.minimum === 1 ? 'required' : 'too_short';
      return 'too_small';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid_format';
    case 'invalid_value':
      return 'invalid_enum';
    case 'custom':
      return issue.params?.code ?? 'invalid';
    default:
      return issue.code;
  }
}

/** The JSON error body of a typed error: the 4xx answer's body, and the error line of a JSON-lines answer. */
export function appErrorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.extra } };
  if (error.details) body.error.details = error.details;
  return body;
}

/**
 * A 409 `duplicate` names the field (`error.field`) and the value the request sent for it
 * (`error.value`), so the UI can say "A client with IČO 12345678 already exists" in the
 * user's language instead of a generic "already in use". One place for every module's
 * duplicates, including those only the database's unique index catches.
 */
function namingTheDuplicate(body: ErrorBody, requestBody: unknown): ErrorBody {
  const field = body.error.code === 'duplicate' ? body.error.details?.find((d) => d.code === 'duplicate')?.path : undefined;
  if (!field) return body;
  const value = valueAt(requestBody, field);
  return { error: { ...body.error, field, ...(value === undefined ? {} : { value }) } };
}

/** The string or number at a dotted path of a parsed JSON body; anything else is not echoed. */
function valueAt(node: unknown, path: string): string | number | undefined {
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === 'string') return node.trim();
  return typeof node === 'number' ? node : undefined;
}

/**
 * The one error handler: decides every HTTP status, never leaks a stack trace
 * or SQL, and logs what the user must not see.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return reply.status(STATUS[error.kind]).send(namingTheDuplicate(appErrorBody(error), request.body));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map(
        (v): ZodLikeIssue => ({
          ...(v.params as Omit<ZodLikeIssue, 'code' | 'path' | 'message'>),
          code: v.keyword,
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? 'invalid',
        }),
      );
      const where = error.validationContext === 'body' ? '' : `${error.validationContext}.`;
      const details = detailsFromIssues(issues).map((d) => ({ ...d, path: `${where}${d.path}`.replace(/\.$/, '') }));
      return reply.status(400).send({ error: { code: 'validation_failed', message: 'The request is not valid', details } });
    }
    const unique = uniqueViolationIndex(error);
    if (unique) {
      const field = UNIQUE_FIELDS[unique];
      const body: ErrorBody = {
        error: {
          code: 'duplicate',
          message: field?.message ?? 'A record with the same unique value already exists',
          details: [{ path: field?.path ?? '', code: 'duplicate', message: field?.message ?? 'Already exists' }],
        },
      };
      return reply.status(409).send(namingTheDuplicate(body, request.body));
    }
    if (isForeignKeyViolation(error)) {
      return reply.status(409).send({ error: { code: 'reference_conflict', message: 'A referenced record does not exist or is still in use' } });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, reqId: request.id, route: request.routeOptions.url }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal_error', message: 'Internal error' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = fastifyCode(error);
      return reply.status(status).send({ error: { code, message: publicMessage(code, error) } });
    }
    request.log.error({ err: error, reqId: request.id, route: request.routeOptions.url }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'Internal error' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}

function fastifyCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'attachment_too_large';
    // An overflow of money arithmetic that no input bound caught (shared/money.ts): bad input, said as such.
    case 'amount_too_large':
      return 'amount_too_large';
    default:
      return error.statusCode === 429 ? 'too_many_requests' : 'bad_request';
  }
}

function publicMessage(code: string, error: FastifyError): string {
  switch (code) {
    case 'malformed_json':
      return 'The request body is not valid JSON';
    case 'body_too_large':
      return 'The request body is too large';
    case 'attachment_too_large':
      return 'The file is larger than the attachment size limit';
    case 'amount_too_large':
      return 'An amount would be larger than Kontor can keep exactly: check the quantities and prices';
    case 'unsupported_media_type':
      return 'Send the body as application/json';
    default:
      // Fastify's own 4xx messages name the problem without internals.
      return error.message;
  }
}
