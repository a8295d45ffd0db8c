import type { PrintLayout, printPermitsBody } from '@thonghanh/contract';
import type { z } from 'zod';
import { t } from '../../i18n/index.js';
import { type ApiError, csrfHeaders, errorFromResponse, handleUnauthenticated } from './api-client.js';

export type { PrintLayout };

/** The body of POST /permits/print (the contract's), with the layout always chosen. */
export type PrintRequest = z.input<typeof printPermitsBody> & { layout: PrintLayout };

export type PrintResult = { ok: true; blob: Blob; count: number } | { ok: false; error: ApiError };

/** `/Type/Page/` opens each page object (never `/Type/Pages`): the server writes them in clear. */
const PAGE_MARK = new TextEncoder().encode('/Type/Page/');

function countMarks(bytes: Uint8Array): number {
  let n = 0;
  outer: for (let i = 0; i <= bytes.length - PAGE_MARK.length; i++) {
    for (let j = 0; j < PAGE_MARK.length; j++) if (bytes[i + j] !== PAGE_MARK[j]) continue outer;
    n++;
  }
  return n;
}

/**
 * Prints permits in bulk: the server streams one PDF as it renders (`X-Permit-Count` says
 * how many permits are coming); the body is read chunk by chunk and the pages counted as
 * they arrive, so the bar shows real progress. The file is offered once complete.
 */
export async function printPermits(
  body: PrintRequest,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PrintResult> {
  const path = '/api/v1/permits/print';
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/pdf', ...csrfHeaders() },
      credentials: 'same-origin',
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: t('errors.network'), issues: [] } };
  }
  if (!res.ok || !res.body) {
    const error = await errorFromResponse(res);
    handleUnauthenticated(path, error);
    return { ok: false, error };
  }
  const total = Number(res.headers.get('x-permit-count') ?? '0');
  const perPage = body.layout === 'A4x2' ? 2 : 1;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let pages = 0;
  let tail = new Uint8Array(0);
  onProgress(0, total);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      // Look across the chunk boundary: keep the last few bytes of the previous chunk.
      const window = new Uint8Array(tail.length + value.length);
      window.set(tail);
      window.set(value, tail.length);
      pages += countMarks(window);
      tail = window.slice(Math.max(0, window.length - (PAGE_MARK.length - 1)));
      onProgress(Math.min(total, pages * perPage), total);
    }
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: t('errors.network'), issues: [] } };
  }
  onProgress(total, total);
  return { ok: true, blob: new Blob(chunks as BlobPart[], { type: 'application/pdf' }), count: total };
}
