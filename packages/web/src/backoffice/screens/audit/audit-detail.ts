import { tDynamic } from '../../../i18n/index.js';
import { formatDayTime } from '../../../shared/format.js';
import { formatBytes } from '../../ui/file-drop.js';

/** One field of an audit row's detail, in words: "Trạng thái" → "Đã phê duyệt". */
export interface DetailLine {
  key: string;
  label: string;
  value: string;
}

/** Fields that only repeat the row's own columns. */
const HIDDEN = new Set(['districtCode', 'provinceCode']);
/** Ids: the first 8 characters tell rows apart; the whole id is in the API. */
const IDS = new Set([
  'attachmentId',
  'businessId',
  'dossierId',
  'staffId',
  'credentialId',
  'replacesId',
  'id',
  'ids',
  'staffIds',
]);
const HASHES = new Set(['sha256', 'replacedSha256']);
const BOOLEANS = new Set(['active', 'demo', 'keepValidOnly']);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;
const ISO_DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
const MAX_LIST = 10;

/**
 * The label of a field; a few read differently in one action (the reminder's `to` is an
 * address, an account's `title` its position).
 */
function labelOf(action: string, key: string): string {
  if (action === 'dossier.reminder_sent' && key === 'to') return tDynamic('audit.fields.sentTo', key);
  if (action.startsWith('user.') && key === 'title') return tDynamic('audit.fields.jobTitle', key);
  return tDynamic(`audit.fields.${key}`, key);
}

const word = (key: string, fallback: string) => tDynamic(key, fallback);

/** A scalar in words: enumerations through the glossary's names, times as dd/mm/yyyy HH:mm. */
function scalar(key: string, v: unknown): string {
  if (typeof v === 'boolean' || (BOOLEANS.has(key) && (v === 0 || v === 1))) {
    return word(v === true || v === 1 ? 'audit.values.yes' : 'audit.values.no', String(v));
  }
  if (typeof v === 'number') return key === 'size' ? formatBytes(v) : v.toLocaleString('vi-VN');
  const s = String(v);
  if (key === 'role') return word(`roles.${s}`, s);
  if (key === 'kind') return word(`kinds.${s}`, s);
  if (key === 'channel') return word(`channels.${s}`, s);
  if (key === 'state' || key === 'from' || key === 'to') return word(`states.${s}`, s);
  if (key === 'status') return word(`businessStatus.${s}`, word(`states.${s}`, s));
  if (key === 'contentType') return word(`audit.values.${s.split('/')[1] ?? s}`, s);
  if (IDS.has(key)) return s.slice(0, 8);
  if (HASHES.has(key)) return `${s.slice(0, 12)}…`;
  if (ISO_TIME.test(s)) return formatDayTime(s);
  const day = ISO_DAY.exec(s);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  return s;
}

function value(action: string, key: string, v: unknown): string {
  if (Array.isArray(v)) {
    const shown = v.slice(0, MAX_LIST).map((item) =>
      item !== null && typeof item === 'object'
        ? describeDetail(action, item as Record<string, unknown>)
            .map((l) => `${l.label}: ${l.value}`)
            .join(', ')
        : key === 'fields' && typeof item === 'string'
          ? labelOf(action, item) // the names of the fields changed, in words
          : scalar(key, item),
    );
    const more = v.length > MAX_LIST ? [tDynamic('audit.values.more', '…', { n: v.length - MAX_LIST })] : [];
    return [...shown, ...more].join('; ');
  }
  if (v !== null && typeof v === 'object') {
    return describeDetail(action, v as Record<string, unknown>)
      .map((l) => `${l.label}: ${l.value}`)
      .join(', ');
  }
  return scalar(key, v);
}

/**
 * An audit row's detail as labelled Vietnamese values, in the order the server wrote them:
 * every key through `audit.fields` (a test keeps that table complete), enumerations through
 * the glossary's names, times in Việt Nam time as dd/mm/yyyy HH:mm, ids and hashes shortened.
 */
export function describeDetail(action: string, detail: Record<string, unknown>): DetailLine[] {
  return Object.entries(detail)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !HIDDEN.has(k))
    .map(([k, v]) => ({ key: k, label: labelOf(action, k), value: value(action, k, v) }));
}
