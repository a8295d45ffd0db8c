import type { Config } from '../config.js';

/**
 * Only this origin's scripts, styles, workers and frames; `wasm-unsafe-eval` lets the QR
 * decoder compile its WebAssembly; blob: serves attachments viewed in the page and the
 * camera's frames; nothing may frame our pages.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Browsers keep to https for 1 year (≥ 180 days). No includeSubDomains: the ward's other sites are not ours to decide. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * The headers every response carries (app.ts; the start-up /healthz of early-listener.ts):
 * no sniffing, no referrer to other sites, no framing, the CSP; `no-store` on the API; HSTS
 * keyed on PUBLIC_URL, not on the request (behind a TLS proxy the app itself speaks http).
 */
export function securityHeaders(
  config: Pick<Config, 'strictTransportSecurity'>,
  url: string,
): Array<[name: string, value: string]> {
  return [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'same-origin'],
    ['x-frame-options', 'DENY'],
    ['content-security-policy', CONTENT_SECURITY_POLICY],
    ...(url.startsWith('/api/') ? [['cache-control', 'no-store'] as [string, string]] : []),
    ...(config.strictTransportSecurity
      ? [['strict-transport-security', STRICT_TRANSPORT_SECURITY] as [string, string]]
      : []),
  ];
}
