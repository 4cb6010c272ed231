// Thin fetch wrapper for the Kontor REST API (/api/v1).
// - same-origin cookies carry the session; non-GET requests add the CSRF token
// - JSON in and out; every non-2xx answer becomes a typed ApiError
// - a 401 on an authenticated call tells the auth layer to go to sign-in

export const API_BASE = '/api/v1';

export interface ApiErrorDetail {
  path: string;
  code: string;
  message: string;
  /** The least value, length or number of items allowed, on a detail of a broken (inclusive) lower limit. */
  minimum?: number;
  /** The greatest value, length or number of items allowed, on a detail of a broken (inclusive) upper limit. */
  maximum?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  /** Extra fields of the error object, e.g. retryAfterSeconds. */
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = [], extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.extra = extra;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect to sign-in on 401 (sign-in itself, the session probe). */
  allowUnauthorized?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function parseError(status: number, payload: unknown): ApiError {
  const err = (payload as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err === 'object') {
    const { code, message, details, ...extra } = err;
    const list = Array.isArray(details)
      ? details.filter((d): d is ApiErrorDetail => !!d && typeof d === 'object' && typeof (d as ApiErrorDetail).code === 'string')
      : [];
    return new ApiError(
      status,
      typeof code === 'string' ? code : fallbackCode(status),
      typeof message === 'string' ? message : `HTTP ${status}`,
      list.map((d) => ({ path: String(d.path ?? ''), code: d.code, message: String(d.message ?? '') })),
      extra,
    );
  }
  return new ApiError(status, fallbackCode(status), `HTTP ${status}`);
}

function fallbackCode(status: number): string {
  switch (status) {
    case 400: return 'validation_failed';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 429: return 'too_many_attempts';
    default: return status >= 500 ? 'internal_error' : 'http_error';
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData (file uploads) sets its own multipart content type with the boundary.
  const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'Network error');
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const error = parseError(response.status, payload);
    if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
    throw error;
  }
  return payload as T;
}

/** A file the server sends: its bytes and the name from Content-Disposition. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * GET a file. A refusal comes back as the API's JSON error (thrown as ApiError), so the
 * caller can say why in the user's language instead of saving the error as a file, as
 * a plain link would.
 */
export async function downloadFile(path: string, query?: Query): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'Network error');
  }
  if (!response.ok) throw await refusalOf(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) ?? 'download' };
}

/**
 * POST whose answer is read as it arrives (e.g. JSON lines of progress): the body of a
 * 2xx answer as a stream. The session and CSRF token go as with apiRequest, and a refusal
 * (which comes before any of the stream) is thrown as the API's ApiError.
 */
export async function postForStream(path: string, body: unknown, accept: string): Promise<ReadableStream<Uint8Array>> {
  const headers: Record<string, string> = { accept, 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network_error', 'Network error');
  }
  if (!response.ok || !response.body) throw await refusalOf(response);
  return response.body;
}

/**
 * The {"error":{…}} line that ends a JSON-lines answer when the work stopped on the way,
 * as an ApiError with the same code, message, details and facts a refusal would carry
 * (its status is the answer's 200: the error came after the lines had begun).
 */
export function apiErrorOfLine(line: unknown): ApiError {
  return parseError(200, line);
}

/** A refused answer's JSON error as an ApiError; a 401 also tells the auth layer to go to sign-in. */
async function refusalOf(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (response.status === 401) unauthorizedHandler?.();
  return parseError(response.status, payload);
}

/** The file name of a Content-Disposition header (RFC 6266: filename* in UTF-8 first, then filename). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename="([^"]*)"/i.exec(header) ?? /filename=([^;]+)/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  /** multipart/form-data POST, e.g. a file upload. */
  upload: <T>(path: string, form: FormData) => apiRequest<T>(path, { method: 'POST', body: form }),
};

/** Keyset-paginated list answer. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
