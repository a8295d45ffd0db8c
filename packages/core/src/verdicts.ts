/** Verdicts and warnings of spec §5, in the spec's order, with the words of the glossary. */

export const VERDICTS = [
  'not_permit_qr',
  'malformed',
  'unknown_key',
  'bad_signature',
  'key_not_valid',
  'revoked',
  'not_yet_valid',
  'expired',
  'valid',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const WARNINGS = ['off_route', 'outside_schedule', 'untrusted_origin', 'identity_mismatch'] as const;
export type Warning = (typeof WARNINGS)[number];

/** Shown by apps beside the verdict; not a verification result (lists age on the device). */
export type AppWarning = Warning | 'lists_stale';

export const VERDICT_TEXT: Readonly<Record<Verdict, { headline: string; explanation: string }>> = {
  valid: {
    headline: 'HỢP LỆ',
    explanation: 'Giấy đi đường hợp lệ. Đối chiếu họ tên và số giấy tờ với giấy tờ tùy thân.',
  },
  not_permit_qr: {
    headline: 'KHÔNG PHẢI GIẤY ĐI ĐƯỜNG',
    explanation: 'Mã này không phải mã giấy đi đường của hệ thống.',
  },
  malformed: {
    headline: 'MÃ HỎNG HOẶC BỊ SỬA',
    explanation: 'Mã bị hỏng hoặc đã bị chỉnh sửa. Nhập số giấy thủ công hoặc từ chối.',
  },
  unknown_key: {
    headline: 'KHÔNG RÕ NƠI CẤP',
    explanation: 'Mã không do UBND phường nào trong danh sách tin cậy cấp. Có thể là giả mạo.',
  },
  bad_signature: {
    headline: 'GIẢ MẠO',
    explanation: 'Chữ ký số không khớp: nội dung đã bị sửa hoặc giấy giả.',
  },
  key_not_valid: {
    headline: 'KHÓA KÝ HẾT HIỆU LỰC',
    explanation: 'Mã được ký bằng khóa không còn hiệu lực tại thời điểm ký.',
  },
  revoked: { headline: 'ĐÃ BỊ THU HỒI', explanation: 'Giấy đi đường đã bị đơn vị hoặc UBND phường thu hồi.' },
  not_yet_valid: { headline: 'CHƯA CÓ HIỆU LỰC', explanation: 'Giấy có hiệu lực từ {nbf}.' },
  expired: { headline: 'HẾT HẠN', explanation: 'Giấy đã hết hạn từ {exp}.' },
};

export const WARNING_TEXT: Readonly<Record<AppWarning, string>> = {
  off_route: 'Ngoài lộ trình đã đăng ký: chốt này không nằm trên lộ trình.',
  outside_schedule: 'Ngoài thời gian làm việc đã đăng ký.',
  untrusted_origin: 'Mã trỏ tới địa chỉ không chính thức: {origin}.',
  identity_mismatch: 'Giấy tờ tùy thân không khớp với người được cấp giấy.',
  lists_stale: 'Danh sách tin cậy/thu hồi đã cũ {age}: kết nối mạng để cập nhật.',
};

/** Fills `{name}` placeholders of a glossary text. */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
