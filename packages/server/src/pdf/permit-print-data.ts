/** What a printed permit (giấy đi đường, the Hà Nội form of 2021) shows. */
export interface PermitPrintData {
  /** `<ORIGIN>/p1#<DIGITS>`, already signed (spec §3). */
  qrText: string;
  /** "0125/GĐĐ" */
  serial: string;
  /** Issuing unit, header left. */
  unitName: string;
  unitAddress?: string;
  /** Place of the date line "…, ngày dd tháng mm năm yyyy", e.g. "Hà Nội". */
  placeName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  holder: string;
  idType: 'CCCD' | 'CMND' | 'PASSPORT';
  idNumber: string;
  position?: string;
  workplace: string;
  residence: string;
  /** Lý do */
  purpose: string;
  routeFrom: string;
  routeTo: string;
  /** Days 1 = Monday … 7 = Sunday; times HH:MM, 24-hour. */
  schedule?: { days: number[]; start: string; end: string };
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD */
  validTo: string;
  /** "THỦ TRƯỞNG ĐƠN VỊ" / "GIÁM ĐỐC" */
  signerTitle: string;
  signerName?: string;
  /** e.g. "Căn cứ Chỉ thị số 17/CT-UBND ngày 13/7/2021 của UBND Thành phố Hà Nội…" */
  legalBasis: string;
  /** Default: DEFAULT_VERIFY_CAPTION. */
  verifyCaption?: string;
}

export const DEFAULT_VERIFY_CAPTION = 'Quét mã QR bằng camera điện thoại hoặc Zalo để kiểm tra giấy đi đường';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(iso: string): [string, string, string] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`ngày phải có dạng YYYY-MM-DD: ${iso}`);
  return [m[3] as string, m[2] as string, m[1] as string];
}

/** "2021-08-16" → "16/08/2021" */
export function formatDate(iso: string): string {
  const [d, m, y] = dateParts(iso);
  return `${d}/${m}/${y}`;
}

/** "Hà Nội", "2021-08-15" → "Hà Nội, ngày 15 tháng 08 năm 2021" */
export function placeAndDate(place: string, iso: string): string {
  const [d, m, y] = dateParts(iso);
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

const DAY = ['', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

/** [1,2,3,4,5,6] → "T2–T7"; [1,3,5] → "T2, T4, T6"; [6,7] → "T7, CN". */
export function formatDays(days: number[]): string {
  const set = [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < set.length) {
    let j = i;
    while (j + 1 < set.length && (set[j + 1] as number) === (set[j] as number) + 1) j++;
    if (j - i >= 2) parts.push(`${DAY[set[i] as number]}–${DAY[set[j] as number]}`);
    else for (let k = i; k <= j; k++) parts.push(DAY[set[k] as number] as string);
    i = j + 1;
  }
  return parts.join(', ');
}

/** "T2–T7, 07:00–17:30", or "không giới hạn" without a schedule. */
export function formatSchedule(s: PermitPrintData['schedule']): string {
  if (!s) return 'không giới hạn';
  const key = `${s.days.join(',')} ${s.start} ${s.end}`;
  let text = scheduleTexts.get(key);
  if (text === undefined) {
    const days = formatDays(s.days);
    text = `${days ? `${days}, ` : ''}${s.start}–${s.end}`;
    if (scheduleTexts.size >= 1000) scheduleTexts.clear();
    scheduleTexts.set(key, text);
  }
  return text;
}
const scheduleTexts = new Map<string, string>();

/** What the holder's identity document is called on the form. */
export const ID_TYPE_LABEL: Record<PermitPrintData['idType'], string> = {
  CCCD: 'CCCD',
  CMND: 'CMND',
  PASSPORT: 'Hộ chiếu',
};
