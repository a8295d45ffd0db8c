/** The plan's file types, recognised by their first bytes (never by the name or the browser's word). */
export const PLAN_FILE_TYPES = {
  pdf: { contentType: 'application/pdf', extension: '.pdf' },
  jpeg: { contentType: 'image/jpeg', extension: '.jpg' },
  png: { contentType: 'image/png', extension: '.png' },
} as const;

export type PlanFileType = keyof typeof PLAN_FILE_TYPES;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** PDF (`%PDF-`), JPEG (FF D8 FF) or PNG (its 8-byte signature); null for anything else. */
export function sniffPlanFile(bytes: Uint8Array): PlanFileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG)) return 'png';
  return null;
}

/**
 * A file name fit to keep as metadata and to offer in Content-Disposition: the last path
 * component only, NFC, no control or reserved characters, at most 120 characters, ending
 * with the extension of its real type (a PNG uploaded as `kế-hoạch.pdf` is `kế-hoạch.png`).
 */
export function sanitizeFileName(name: string | undefined, type: PlanFileType): string {
  const ext = PLAN_FILE_TYPES[type].extension;
  const last = (name ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  let base = last
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  base = base.replace(/\.(pdf|jpe?g|png|jfif)$/i, '').trim();
  if (base === '') base = 'ke-hoach';
  return `${[...base].slice(0, 120 - ext.length).join('')}${ext}`;
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
