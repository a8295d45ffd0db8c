import {
  type IdDocumentType,
  nameSearchKey,
  normalizeName,
  validateIdDocument,
  validateMobile,
  validatePersonName,
} from '@thonghanh/core';
import type { Cell } from './cells.js';
import { columnOf, MAX_LENGTH, MAX_ROUTE_WARDS, STAFF_FIELDS, type StaffField } from './columns.js';
import {
  cleanText,
  clip,
  displayDate,
  FORBIDDEN_CHARACTERS,
  isBlankText,
  looksLikeFormula,
  parseDateText,
  parseDays,
  parseTimeText,
  parseWardCodes,
  timeFromNumber,
} from './values.js';

/**
 * One entry per problem: where (spreadsheet row, header = row 1; the column's field key)
 * and what (a stable code, a Vietnamese message saying what to fix). Problems with the
 * file as a whole have row 0 and field null.
 */
export interface Problem {
  row: number;
  field: StaffField | null;
  code: string;
  message: string;
}

export interface StaffSchedule {
  /** 1 = Monday … 7 = Sunday, ascending. */
  days: number[];
  /** `HH:MM`, 24-hour; start before end, within one day (end may be 24:00). */
  start: string;
  end: string;
}

/** One person of the list, normalised and ready to store (every text NFC, spaces collapsed). */
export interface StaffEntry {
  /** The spreadsheet row it came from. */
  row: number;
  fullName: string;
  idType: IdDocumentType;
  /** CCCD/CMND bare digits; passports upper case, no spaces. */
  idNumber: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
  position: string | null;
  /** National form `0xxxxxxxxx`. */
  phone: string | null;
  residenceAddress: string;
  residenceWard: string | null;
  workplace: string | null;
  routeFrom: string;
  routeTo: string;
  routeWards: string[];
  schedule: StaffSchedule;
}

/** Document numbers of people already on the approved list of another business, by number. */
export type AlreadyRegisteredLookup = (numbers: string[]) => Promise<Map<string, { businessName: string }>>;

export interface StaffValidationOptions {
  /**
   * Of these normalised document numbers, which are registered by another approved business.
   * Each one found is a warning `registered_elsewhere` (not an error: a person may work for two).
   * The caller leaves out its own business.
   */
  alreadyRegistered?: AlreadyRegisteredLookup;
  /** Whether a five-digit ward code exists; without it, only the form is checked. */
  wardExists?: (code: string) => boolean;
  /** Today in Việt Nam, `YYYY-MM-DD`, for dates of birth in the future (default: the clock). */
  today?: string;
}

export interface StaffValidationResult {
  /** Data rows read: non-empty rows below the header, the template's example row left out. */
  rows: number;
  /** Rows without errors: `staff.length`. */
  valid: number;
  errors: Problem[];
  warnings: Problem[];
  /** The valid rows, normalised, in file order. */
  staff: StaffEntry[];
}

/** The template's example person: recognised by name and number, and never imported. */
export const EXAMPLE_PERSON = { fullName: 'Nguyễn Văn Mẫu', idNumber: '001090000001' } as const;

const FIELD_ORDER = new Map<StaffField, number>(STAFF_FIELDS.map((f, i) => [f, i]));

/** Problems sorted by row, then by column of the template; file-level ones first. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        a.p.row - b.p.row ||
        (a.p.field === null ? -1 : (FIELD_ORDER.get(a.p.field) as number)) -
          (b.p.field === null ? -1 : (FIELD_ORDER.get(b.p.field) as number)) ||
        a.i - b.i,
    )
    .map((x) => x.p);
}

const ID_TYPES: [RegExp, IdDocumentType][] = [
  [/^(?:cccd|can cuoc cong dan|can cuoc|the can cuoc|the can cuoc cong dan|cccd gan chip|cc)$/, 'CCCD'],
  [/^(?:cmnd|chung minh nhan dan|cmtnd|chung minh thu|chung minh thu nhan dan)$/, 'CMND'],
  [/^(?:ho chieu|passport|hc)$/, 'PASSPORT'],
];

function idTypeOf(text: string): IdDocumentType | null {
  const key = nameSearchKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [re, type] of ID_TYPES) if (re.test(key)) return type;
  return null;
}

function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whole years between two ISO dates. */
function age(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

interface Tally {
  row: number;
  count: number;
}

/**
 * Validates the rows of a staff list one at a time (`add`), remembering only what the
 * checks across rows need, then answers the whole result (`finish`). Rows must come in
 * file order.
 */
export class StaffRowValidator {
  /** Data rows counted so far. */
  rows = 0;
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private readonly staff: StaffEntry[] = [];
  private readonly byNumber = new Map<string, number>();
  private readonly byPerson = new Map<string, number>();
  private readonly restored = new Map<StaffField, Tally>();
  private noWards: Tally | null = null;
  private readonly today: string;
  private readonly parseDays = memo(parseDays);
  private readonly parseTime = memo(parseTimeText);
  private readonly parseWards = memo(parseWardCodes);
  private readonly idTypeOf = memo(idTypeOf);

  constructor(private readonly opts: StaffValidationOptions = {}) {
    this.today = opts.today ?? todayInVietnam();
  }

  /**
   * Validates one row; false when it was not counted: nothing in any column of the template
   * (an empty row, or only an ordinal number), or the template's example row.
   */
  add(row: number, cells: Partial<Record<StaffField, Cell>>): boolean {
    if (STAFF_FIELDS.every((f) => blank(cells[f]))) return false;
    if (isExampleRow(cells)) {
      this.warnings.push({
        row,
        field: null,
        code: 'example_row',
        message: `Dòng ${row} là dòng ví dụ của tệp mẫu (${EXAMPLE_PERSON.fullName}) nên được bỏ qua; hãy xóa dòng này.`,
      });
      return false;
    }
    this.rows++;
    const problems: Problem[] = [];
    this.at = row;
    this.cells = cells;
    this.problems = problems;

    // Họ và tên
    let fullName: string | null = null;
    const rawName = this.text('fullName');
    if (rawName !== null) {
      const r = validatePersonName(rawName);
      if (r.ok) fullName = r.value;
      else if (r.code === 'name_characters') {
        this.error('fullName', 'invalid_characters', `${r.message}. Hãy sửa họ và tên cho đúng giấy tờ tùy thân.`);
      } else if (r.code === 'name_too_long') this.error('fullName', 'too_long', `${r.message}.`);
      else this.error('fullName', 'required', 'Chưa nhập Họ và tên.');
    }

    // Loại giấy tờ
    let idType: IdDocumentType | null = null;
    const rawType = this.text('idType');
    if (rawType !== null) {
      idType = this.idTypeOf(rawType);
      if (idType === null) {
        this.error('idType', 'id_type', `Loại giấy tờ "${clip(rawType)}" không hợp lệ: chọn CCCD, CMND hoặc Hộ chiếu.`);
      }
    }

    // Ngày sinh (before the number: a CCCD number carries the year of birth)
    let dateOfBirth: string | null = null;
    const dobCell = cells.dateOfBirth;
    if (dobCell?.kind === 'date') {
      if (dobCell.date === '') {
        this.error('dateOfBirth', 'date_format', `Ô ${dobCell.address} là giờ, không phải ngày sinh: viết dd/mm/yyyy.`);
      } else dateOfBirth = dobCell.date;
    } else if (dobCell?.kind === 'number') {
      this.error(
        'dateOfBirth',
        'date_format',
        `Ô ${dobCell.address} chứa số ${dobCell.value}, không phải ngày: viết ngày sinh dạng dd/mm/yyyy, ví dụ 05/09/1990.`,
      );
    } else {
      const raw = this.text('dateOfBirth');
      if (raw !== null) {
        const r = parseDateText(raw);
        if (r.ok) dateOfBirth = r.value;
        else this.error('dateOfBirth', r.code, r.message);
      }
    }
    if (dateOfBirth !== null) {
      if (dateOfBirth > this.today) {
        this.error(
          'dateOfBirth',
          'date_range',
          `Ngày sinh ${displayDate(dateOfBirth)} ở tương lai: kiểm tra lại năm sinh.`,
        );
        dateOfBirth = null;
      } else if (dateOfBirth < '1900-01-01') {
        this.error(
          'dateOfBirth',
          'date_range',
          `Ngày sinh ${displayDate(dateOfBirth)} trước năm 1900: kiểm tra lại năm sinh.`,
        );
        dateOfBirth = null;
      } else {
        const years = age(dateOfBirth, this.today);
        if (years < 15 || years > 90) {
          this.warn(
            'dateOfBirth',
            'age_unusual',
            `Ngày sinh ${displayDate(dateOfBirth)}: người lao động ${years} tuổi. Kiểm tra lại năm sinh.`,
          );
        }
      }
    }

    // Số giấy tờ
    let idNumber: string | null = null;
    let numberKey: string | null = null;
    const idCell = cells.idNumber;
    let idText: string | null = null;
    if (idCell?.kind === 'number') {
      const digits = Number.isSafeInteger(idCell.value) && idCell.value >= 0 ? String(idCell.value) : null;
      const numberCellMessage =
        `Ô ${idCell.address} là ô số nên Excel có thể đã bỏ các số 0 ở đầu số giấy tờ (còn ${digits ?? idCell.value}). ` +
        'Hãy định dạng cột Số giấy tờ là Văn bản (Text) rồi nhập lại số đầy đủ.';
      if (digits !== null && idType === 'CCCD' && (digits.length === 10 || digits.length === 11)) {
        // A CCCD is always 12 digits and begins with 0: the zeros lost are known.
        idText = digits.padStart(12, '0');
        this.tallyRestored('idNumber');
      } else if (digits !== null && (idType === 'CMND' || idType === 'CCCD') && digits.length === 12) {
        idText = digits;
      } else if (digits !== null && idType === 'CMND' && digits.length === 9) {
        idText = digits;
      } else if (digits !== null && idType === null) {
        idText = digits;
      } else {
        this.error('idNumber', 'id_number_format', numberCellMessage);
        numberKey = digits;
      }
    } else {
      idText = this.text('idNumber');
    }
    if (idText !== null) {
      const compact = idText.replace(/[\p{White_Space}.-]/gu, '');
      if (/^[0-9](?:[.,][0-9]+)?e\+?[0-9]+$/i.test(idText.trim())) {
        this.error(
          'idNumber',
          'id_number_format',
          `Số giấy tờ "${clip(idText)}" đã bị Excel đổi sang dạng số mũ nên mất chữ số. ` +
            'Hãy định dạng cột Số giấy tờ là Văn bản (Text) rồi nhập lại số đầy đủ.',
        );
      } else if (idType === 'CCCD' && /^[0-9]{10,11}$/.test(compact)) {
        this.error(
          'idNumber',
          'id_number_format',
          `Số CCCD phải gồm 12 chữ số (đang có ${compact.length}). Nếu các số 0 ở đầu bị mất khi lưu từ Excel, ` +
            'hãy định dạng cột Số giấy tờ là Văn bản (Text) rồi nhập lại số đầy đủ.',
        );
        numberKey = compact;
      } else if (idType !== null) {
        const r = validateIdDocument(idType, idText, dateOfBirth === null ? {} : { dateOfBirth });
        if (r.ok) idNumber = r.value;
        else if (idType === 'PASSPORT') {
          const foreign = validateIdDocument('PASSPORT', idText, { foreign: true });
          if (foreign.ok) {
            idNumber = foreign.value;
            this.warn(
              'idNumber',
              'passport_foreign',
              `Số hộ chiếu ${foreign.value} không theo mẫu hộ chiếu Việt Nam (1 chữ cái và 7 chữ số) nên được coi là ` +
                'hộ chiếu nước ngoài. Kiểm tra lại số.',
            );
          } else this.error('idNumber', foreign.code, foreign.message);
        } else this.error('idNumber', r.code, `${r.message}.`);
      }
      numberKey ??= idNumber ?? compact.toUpperCase();
    }

    // Chức vụ, Số điện thoại
    const position = this.text('position', MAX_LENGTH.position);
    let phone: string | null = null;
    const phoneCell = cells.phone;
    let phoneText: string | null;
    if (phoneCell?.kind === 'number' && Number.isSafeInteger(phoneCell.value) && phoneCell.value > 0) {
      phoneText = String(phoneCell.value);
      if (phoneText.length === 9) {
        phoneText = `0${phoneText}`;
        this.tallyRestored('phone');
      }
    } else phoneText = this.text('phone');
    if (phoneText !== null) {
      const r = validateMobile(phoneText);
      if (r.ok) phone = r.value.national;
      else this.error('phone', r.code, `${r.message}.`);
    }

    // Nơi ở, mã phường/xã nơi ở, nơi làm việc
    const residenceAddress = this.text('residenceAddress', MAX_LENGTH.residenceAddress);
    let residenceWard: string | null = null;
    const wardText = this.wardCell(cells.residenceWard, 'residenceWard') ?? this.text('residenceWard');
    if (wardText !== null) {
      const r = this.parseWards(wardText);
      if (!r.ok) this.error('residenceWard', r.code, r.message);
      else if (r.value.length !== 1) {
        this.error('residenceWard', 'ward_code', 'Chỉ ghi một mã phường/xã nơi ở (5 chữ số), ví dụ 00124.');
      } else if (this.unknownWards(r.value, 'residenceWard')) residenceWard = r.value[0] as string;
    }
    const workplace = this.text('workplace', MAX_LENGTH.workplace);

    // Lộ trình
    const routeFrom = this.text('routeFrom', MAX_LENGTH.routeFrom);
    const routeTo = this.text('routeTo', MAX_LENGTH.routeTo);
    let routeWards: string[] | null = [];
    const routeText = this.wardCell(cells.routeWards, 'routeWards') ?? this.text('routeWards');
    if (routeText !== null) {
      const r = this.parseWards(routeText);
      if (!r.ok) {
        this.error('routeWards', r.code, r.message);
        routeWards = null;
      } else if (r.value.length > MAX_ROUTE_WARDS) {
        this.error(
          'routeWards',
          'too_many_wards',
          `Lộ trình có ${r.value.length} mã phường/xã, tối đa ${MAX_ROUTE_WARDS}. Chỉ ghi các phường/xã lộ trình đi qua.`,
        );
        routeWards = null;
      } else if (this.unknownWards(r.value, 'routeWards')) routeWards = r.value;
      else routeWards = null;
    }

    // Thời gian làm việc
    let days: number[] | null = null;
    const rawDays = this.text('scheduleDays');
    if (rawDays !== null) {
      const r = this.parseDays(rawDays);
      if (r.ok) days = r.value;
      else this.error('scheduleDays', r.code, r.message);
    }
    const start = this.time(cells.scheduleStart, 'scheduleStart');
    const end = this.time(cells.scheduleEnd, 'scheduleEnd');
    let timesOk = start !== null && end !== null;
    if (start !== null && end !== null && end <= start) {
      this.error(
        'scheduleEnd',
        'time_order',
        `Giờ kết thúc ${end} phải sau giờ bắt đầu ${start}, trong cùng một ngày (giấy đi đường không ghi được ca qua nửa đêm).`,
      );
      timesOk = false;
    }

    // Trùng lặp trong tệp
    if (numberKey !== null) {
      const first = this.byNumber.get(numberKey);
      if (first !== undefined) {
        this.error(
          'idNumber',
          'duplicate',
          `Trùng số giấy tờ với dòng ${first}. Mỗi người chỉ ghi một dòng: hãy xóa hoặc sửa một trong hai dòng.`,
        );
      } else this.byNumber.set(numberKey, row);
    }
    if (fullName !== null && dateOfBirth !== null) {
      const key = `${normalizeName(fullName)}|${dateOfBirth}`;
      const first = this.byPerson.get(key);
      if (first !== undefined) {
        if (!problems.some((p) => p.code === 'duplicate')) {
          this.error(
            'fullName',
            'duplicate',
            `Trùng họ tên và ngày sinh với dòng ${first}. Nếu là cùng một người, hãy xóa một dòng; nếu khác người, kiểm tra lại ngày sinh.`,
          );
        }
      } else this.byPerson.set(key, row);
    }

    if (problems.length > 0) {
      this.errors.push(...problems);
      return true;
    }
    if (routeWards !== null && routeWards.length === 0) {
      if (this.noWards) this.noWards.count++;
      else this.noWards = { row, count: 1 };
    }
    if (!timesOk) return true;
    this.staff.push({
      row,
      fullName: fullName as string,
      idType: idType as IdDocumentType,
      idNumber: idNumber as string,
      dateOfBirth: dateOfBirth as string,
      position,
      phone,
      residenceAddress: residenceAddress as string,
      residenceWard,
      workplace,
      routeFrom: routeFrom as string,
      routeTo: routeTo as string,
      // Copies: parsed values are shared between rows with the same text.
      routeWards: [...(routeWards ?? [])],
      schedule: { days: [...(days as number[])], start: start as string, end: end as string },
    });
    return true;
  }

  /** The row being validated by `add`, and its problems so far (fields: no closures per row). */
  private at = 0;
  private cells: Partial<Record<StaffField, Cell>> = {};
  private problems: Problem[] = [];

  private error(field: StaffField, code: string, message: string): void {
    this.problems.push({ row: this.at, field, code, message });
  }

  private warn(field: StaffField | null, code: string, message: string): void {
    this.warnings.push({ row: this.at, field, code, message });
  }

  private tallyRestored(field: StaffField): void {
    const t = this.restored.get(field);
    if (t) t.count++;
    else this.restored.set(field, { row: this.at, count: 1 });
  }

  /**
   * The text of a cell, checked as every text is (formulas, error values, markup, length);
   * null when empty (an error if required) or refused.
   */
  private text(field: StaffField, max?: number): string | null {
    const cell = this.cells[field];
    const column = columnOf(field);
    // A dash or dots stand for "nothing" in Vietnamese tables.
    if (blank(cell) || (cell?.kind === 'text' && /^[\s\-–—.]+$/.test(cell.text))) {
      if (column.required) this.error(field, 'required', `Chưa nhập ${column.header}.`);
      return null;
    }
    const c = cell as Cell;
    let value: string;
    switch (c.kind) {
      case 'formula':
        this.error(
          field,
          'formula',
          `Ô ${c.address} (${column.header}) chứa công thức =${clip(c.formula, 30)}. Danh sách chỉ nhận giá trị: ` +
            'chép ô rồi dán đặc biệt "Chỉ giá trị" (Paste Values), hoặc gõ trực tiếp giá trị.',
        );
        return null;
      case 'error':
        this.error(
          field,
          'cell_error',
          `Ô ${c.address} (${column.header}) đang báo lỗi ${c.text}. Hãy nhập giá trị đúng.`,
        );
        return null;
      case 'number':
        value = String(c.value);
        break;
      case 'date':
        value = c.date ? displayDate(c.date) : c.time;
        break;
      case 'text':
        value = cleanText(c.text);
        if (looksLikeFormula(value)) {
          this.error(
            field,
            'formula',
            `Ô ${c.address} (${column.header}) bắt đầu bằng "${value[0]}" nên bảng tính sẽ coi là công thức. ` +
              'Hãy bỏ ký tự đó ở đầu ô.',
          );
          return null;
        }
        break;
    }
    if (FORBIDDEN_CHARACTERS.test(value)) {
      this.error(
        field,
        'invalid_characters',
        `${column.header} có ký tự không được dùng (dấu < hoặc >, ký tự điều khiển). Hãy xóa các ký tự đó.`,
      );
      return null;
    }
    if (max !== undefined) {
      const length = [...value].length;
      if (length > max) {
        this.error(field, 'too_long', `${column.header} dài ${length} ký tự, tối đa ${max}. Hãy viết gọn lại.`);
        return null;
      }
    }
    return value;
  }

  /** A ward code typed in a number cell lost its leading zeros: five digits are always meant. */
  private wardCell(cell: Cell | undefined, field: StaffField): string | null {
    if (cell?.kind !== 'number' || !Number.isSafeInteger(cell.value) || cell.value <= 0 || cell.value > 99999) {
      return null;
    }
    const code = String(cell.value).padStart(5, '0');
    if (code !== String(cell.value)) this.tallyRestored(field);
    return code;
  }

  private unknownWards(codes: string[], field: StaffField): boolean {
    const exists = this.opts.wardExists;
    if (!exists) return true;
    const unknown = codes.filter((c) => !exists(c));
    if (unknown.length === 0) return true;
    this.error(
      field,
      'ward_unknown',
      `Không có phường/xã mang mã ${unknown.slice(0, 5).join(', ')} trong danh mục đơn vị hành chính. Kiểm tra lại mã.`,
    );
    return false;
  }

  private time(cell: Cell | undefined, field: StaffField): string | null {
    const header = columnOf(field).header;
    if (cell?.kind === 'date') return cell.time;
    const r =
      cell?.kind === 'number'
        ? timeFromNumber(cell.value)
        : (() => {
            const t = this.text(field);
            return t === null ? null : this.parseTime(t);
          })();
    if (r === null) return null;
    if (r.ok) return r.value;
    this.error(field, r.code, `${header}: ${r.message}`);
    return null;
  }

  /**
   * The result of the rows' own checks, problems sorted, without the registered-elsewhere
   * lookup: what a worker thread can answer alone (see `withRegisteredElsewhere`).
   */
  report(): StaffValidationResult {
    for (const [field, t] of this.restored) {
      const header = columnOf(field).header;
      this.warnings.push({
        row: t.row,
        field,
        code: 'leading_zeros_restored',
        message:
          `${t.count} ô ở cột ${header} (từ dòng ${t.row}) là ô số nên Excel đã bỏ số 0 ở đầu; ` +
          'đã thêm lại theo độ dài cố định. Hãy kiểm tra, và định dạng cột là Văn bản (Text) khi nhập lần sau.',
      });
    }
    this.restored.clear();
    if (this.noWards) {
      this.warnings.push({
        row: this.noWards.row,
        field: 'routeWards',
        code: 'route_wards_missing',
        message:
          `${this.noWards.count} người (từ dòng ${this.noWards.row}) chưa có mã phường/xã trên lộ trình: ` +
          'chốt kiểm soát sẽ không kiểm tra được họ có đi đúng lộ trình không.',
      });
      this.noWards = null;
    }
    return {
      rows: this.rows,
      valid: this.staff.length,
      errors: sortProblems(this.errors),
      warnings: sortProblems(this.warnings),
      staff: this.staff,
    };
  }

  /** The result: cross-file checks (the registered-elsewhere lookup) done, problems sorted. */
  finish(): Promise<StaffValidationResult> {
    return withRegisteredElsewhere(this.report(), this.opts.alreadyRegistered);
  }
}

/**
 * Adds the `registered_elsewhere` warnings of `lookup` (one call, the valid rows' numbers)
 * to a result; the warnings stay sorted as if found with the others.
 */
export async function withRegisteredElsewhere(
  result: StaffValidationResult,
  lookup: AlreadyRegisteredLookup | undefined,
): Promise<StaffValidationResult> {
  if (!lookup || result.staff.length === 0) return result;
  const found = await lookup([...new Set(result.staff.map((s) => s.idNumber))]);
  const extra: Problem[] = [];
  for (const s of result.staff) {
    const other = found.get(s.idNumber);
    if (other) {
      extra.push({
        row: s.row,
        field: 'idNumber',
        code: 'registered_elsewhere',
        message: `Người có số giấy tờ ${s.idNumber} đã có trong danh sách người lao động đã được phê duyệt của ${other.businessName}.`,
      });
    }
  }
  return extra.length === 0 ? result : { ...result, warnings: sortProblems([...result.warnings, ...extra]) };
}

/**
 * Whether `StaffRowValidator.add` counts this row (the rule it applies first): used by the
 * reader to stop at the row limit without validating.
 */
export function countsAsStaffRow(cells: Partial<Record<StaffField, Cell>>): boolean {
  return !STAFF_FIELDS.every((f) => blank(cells[f])) && !isExampleRow(cells);
}

function blank(cell: Cell | undefined): boolean {
  return cell === undefined || (cell.kind === 'text' && isBlankText(cell.text));
}

function isExampleRow(cells: Partial<Record<StaffField, Cell>>): boolean {
  const name = cells.fullName;
  const number = cells.idNumber;
  const digits =
    number?.kind === 'text'
      ? number.text.replace(/[\p{White_Space}.-]/gu, '')
      : number?.kind === 'number'
        ? String(number.value).padStart(12, '0')
        : '';
  return (
    digits === EXAMPLE_PERSON.idNumber &&
    name?.kind === 'text' &&
    normalizeName(name.text) === normalizeName(EXAMPLE_PERSON.fullName)
  );
}

/**
 * A parser remembered per distinct text: lists repeat the same schedules, wards and types
 * on thousands of rows. Bounded, so a list of all-different values costs no memory.
 */
function memo<T>(parse: (text: string) => T, max = 2000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let r = cache.get(text);
    if (r === undefined) {
      r = parse(text);
      if (cache.size < max) cache.set(text, r);
    }
    return r;
  };
}

/** A record per row, fields by key: what `validateStaffRows` takes. */
export interface StaffRecord {
  row: number;
  cells: Partial<Record<StaffField, Cell>>;
}

/** Validates every row of a staff list (the whole list at once; see StaffRowValidator to stream). */
export async function validateStaffRows(
  records: Iterable<StaffRecord>,
  opts: StaffValidationOptions = {},
): Promise<StaffValidationResult> {
  const v = new StaffRowValidator(opts);
  for (const r of records) v.add(r.row, r.cells);
  return v.finish();
}
