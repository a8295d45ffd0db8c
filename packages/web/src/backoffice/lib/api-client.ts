import { t } from '../../i18n/index.js';

/**
 * The API client: JSON in and out, the session's CSRF token on every write, and failures
 * returned as values (never thrown) carrying the server's Vietnamese message. A 401 tells
 * the session to show the login screen.
 */

export interface ApiIssue {
  path: string;
  code: string;
  message: string;
}

export interface ApiError {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  code: string;
  message: string;
  issues: ApiIssue[];
  /** Seconds to wait (429 Retry-After). */
  retryAfter?: number;
}

export type ApiResult<T> = { ok: true; data: T; headers: Headers } | { ok: false; error: ApiError };

export type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let onUnauthenticated: ((error: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header every write carries (for requests made outside `request`, such as streams). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Called on any 401 except the login request itself. */
export function setUnauthenticatedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

export function apiUrl(path: string, query?: Query): string {
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

const networkError = (): ApiError => ({ status: 0, code: 'network', message: t('errors.network'), issues: [] });

/** Reads `{ error: { code, message, issues } }`, or makes a sensible error from the status. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's page): fall through
  }
  const e = (body as { error?: Partial<ApiError> } | null)?.error;
  const retry = Number(res.headers.get('retry-after'));
  return {
    status: res.status,
    code: e?.code ?? `http_${res.status}`,
    message: e?.message ?? t('errors.http', { status: res.status }),
    issues: Array.isArray(e?.issues) ? e.issues : [],
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
  };
}

export function handleUnauthenticated(path: string, error: ApiError) {
  if (error.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated?.(error);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined
        ? { body: isForm ? (options.body as FormData) : JSON.stringify(options.body) }
        : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') return { ok: false, error: { ...networkError(), code: 'aborted' } };
    return { ok: false, error: networkError() };
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    handleUnauthenticated(path, error);
    return { ok: false, error };
  }
  if (res.status === 204) return { ok: true, data: undefined as T, headers: res.headers };
  try {
    return { ok: true, data: (await res.json()) as T, headers: res.headers };
  } catch {
    return {
      ok: false,
      error: { status: res.status, code: 'bad_response', message: t('errors.badResponse'), issues: [] },
    };
  }
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body === undefined ? {} : { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body === undefined ? {} : { body }),
};

/**
 * Uploads with progress (fetch cannot report upload progress): `body` is a FormData
 * (multipart) or a File sent as is. `onProgress` gets 0…1.
 */
export function upload<T>(
  path: string,
  body: FormData | Blob,
  onProgress: (fraction: number) => void,
  options: { method?: string; query?: Query; contentType?: string } = {},
): { result: Promise<ApiResult<T>>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const result = new Promise<ApiResult<T>>((resolve) => {
    xhr.open(options.method ?? 'POST', apiUrl(path, options.query));
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    if (!(body instanceof FormData)) {
      xhr.setRequestHeader('content-type', options.contentType || body.type || 'application/octet-stream');
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => resolve({ ok: false, error: networkError() });
    xhr.onabort = () => resolve({ ok: false, error: { ...networkError(), code: 'aborted' } });
    xhr.onload = async () => {
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i > 0) headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
      }
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers });
      if (!res.ok) {
        const error = await errorFromResponse(res);
        handleUnauthenticated(path, error);
        resolve({ ok: false, error });
        return;
      }
      onProgress(1);
      try {
        resolve({ ok: true, data: (xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T, headers });
      } catch {
        resolve({
          ok: false,
          error: { status: xhr.status, code: 'bad_response', message: t('errors.badResponse'), issues: [] },
        });
      }
    };
    xhr.send(body);
  });
  return { result, abort: () => xhr.abort() };
}

/** The issues of one field (`body.username` or `username`), joined. */
export function issueFor(error: ApiError | null | undefined, field: string): string | undefined {
  if (!error) return undefined;
  const hits = error.issues.filter(
    (i) => i.path === field || i.path === `body.${field}` || i.path.endsWith(`.${field}`),
  );
  return hits.length ? hits.map((i) => i.message).join(' ') : undefined;
}
