import { type AppWarning, fillText, VERDICT_TEXT, VERDICTS, type Verdict, WARNING_TEXT, WARNINGS } from './verdicts.js';

/**
 * What the checkpoint officer sees and does next, for every verdict, every warning and every
 * state of the checkpoint app: one source for the app's help (offline), the back office's help
 * and the printed guide the ward sends to its officers. Each entry quotes the screen (icon,
 * colour, words) and says what it means and what to do. A new verdict or warning in
 * verdicts.ts is a type error here until it is explained.
 */

/** The colour family of a sign on screen (never meaning by colour alone: every sign has an icon and words). */
export type GuideTone = 'good' | 'bad' | 'warn' | 'neutral';

/** The icons the checkpoint app puts before its words. */
export type GuideIcon = '✓' | '✕' | '⚠' | 'ℹ' | '?' | '○' | '↑';

/**
 * How a sign looks: `headline` is the big verdict bar (white words on green or red, or dark
 * words on grey), `warning` the amber "⚠ Cảnh báo: …" line under a verdict, `notice` a
 * bordered line of the app (identity check, unit status, look-ups), `status` a word of the top bar.
 */
export type GuideStyle = 'headline' | 'warning' | 'notice' | 'status';

export interface ScreenSign {
  style: GuideStyle;
  tone: GuideTone;
  icon: GuideIcon;
  /** The big words of a headline ("HỢP LỆ", "KHÔNG HỢP LỆ") or of a top-bar status. */
  title?: string;
  /** The second, large line of a headline: the reason ("ĐÃ BỊ THU HỒI"). */
  reason?: string;
  /**
   * The sentence as on screen (under a headline, or the notice or warning itself), with
   * example values filled in; `**…**` marks the words the screen shows in bold, "…" a value.
   */
  text?: string;
}

/** The officer's bottom line. */
export type GuideDecision = 'pass' | 'refuse' | 'check';

export const DECISION_TEXT: Readonly<Record<GuideDecision, string>> = {
  pass: 'Cho qua (sau khi đối chiếu giấy tờ tùy thân)',
  refuse: 'Không cho qua',
  check: 'Kiểm tra thêm trước khi quyết định',
};

export interface GuideEntry {
  /** The verdict, warning or app state code (`revoked`, `off_route`, `cannot_verify` …). */
  code: string;
  sign: ScreenSign;
  /** What it means, in one or two sentences. */
  meaning: string;
  /** What the officer does next, in order. */
  next: readonly string[];
  /** The bottom line about the traveller; none for states of the app itself (network, lists, log). */
  decision?: GuideDecision;
}

/** Example values for the placeholders of the glossary's texts, as the screen would fill them. */
export const GUIDE_EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  nbf: '00:00 16/08/2021',
  exp: '00:00 07/09/2021',
  origin: 'https://giaydiduong-gia.example',
  age: '2 ngày',
};

/** The colours of the checkpoint app (shared/verdict.css, checkpoint/checkpoint.css), for pictures of its screens. */
export const GUIDE_COLOURS = {
  good: { fill: '#0a6b2c', ink: '#ffffff', noticeFill: '#e3f4e8', noticeInk: '#053d19', border: '#0a6b2c' },
  bad: { fill: '#b00020', ink: '#ffffff', noticeFill: '#fde8ea', noticeInk: '#7a0016', border: '#b00020' },
  warn: { fill: '#fff3cd', ink: '#5c4400', noticeFill: '#fff3cd', noticeInk: '#5c4400', border: '#d39e00' },
  neutral: { fill: '#e6e6e6', ink: '#111111', noticeFill: '#f2f2f2', noticeInk: '#222222', border: '#555555' },
  brand: '#0b3d91',
} as const;

const verdictSign = (v: Verdict): ScreenSign =>
  v === 'valid'
    ? {
        style: 'headline',
        tone: 'good',
        icon: '✓',
        title: 'HỢP LỆ',
        text: VERDICT_TEXT.valid.explanation,
      }
    : {
        style: 'headline',
        tone: 'bad',
        icon: '✕',
        title: 'KHÔNG HỢP LỆ',
        reason: VERDICT_TEXT[v].headline,
        text: fillText(VERDICT_TEXT[v].explanation, GUIDE_EXAMPLE_VALUES),
      };

const warningSign = (w: AppWarning): ScreenSign => ({
  style: 'warning',
  tone: 'warn',
  icon: '⚠',
  text: `**Cảnh báo:** ${fillText(WARNING_TEXT[w], GUIDE_EXAMPLE_VALUES)}`,
});

const REFRESH =
  'Nếu máy đang có mạng, vào Cài đặt, bấm "Cập nhật danh sách ngay" rồi quét lại: có thể danh sách trên máy đã cũ.';

/** Every verdict of verify(), in the spec's order. */
export const VERDICT_GUIDE: Readonly<Record<Verdict, Omit<GuideEntry, 'code' | 'sign'>>> = {
  valid: {
    meaning:
      'Chữ ký số của UBND phường đúng, giấy chưa bị thu hồi và đang trong thời hạn. Màn hình hiện họ tên, số giấy tờ, đơn vị, lộ trình và thời gian làm việc của người được cấp.',
    next: [
      'Đối chiếu họ tên và số giấy tờ trên màn hình với CCCD/CMND/hộ chiếu của người đi đường, hoặc quét mã QR trên CCCD gắn chip.',
      'Đọc các dòng cảnh báo màu vàng (nếu có) và các dòng viền đỏ dưới kết luận.',
      'Không có cảnh báo và giấy tờ khớp: cho qua. Bấm "Quét tiếp" cho người sau.',
    ],
    decision: 'pass',
  },
  not_permit_qr: {
    meaning:
      'Mã vừa quét không phải mã giấy đi đường của hệ thống (ví dụ mã của một trang web, mã thanh toán, mã in sẵn trên mẫu giấy).',
    next: [
      'Yêu cầu xuất trình giấy đi đường và quét đúng mã QR in ở góc dưới bên trái giấy.',
      'Giấy không có mã QR hoặc mã không quét được: bấm "Nhập tay" và tra số giấy hoặc số giấy tờ tùy thân.',
    ],
    decision: 'check',
  },
  malformed: {
    meaning: 'Camera đọc được mã nhưng nội dung bị hỏng hoặc đã bị chỉnh sửa: không thể tin nội dung này.',
    next: [
      'Vuốt phẳng giấy, tránh lóa, giữ máy cách giấy khoảng 15–25 cm rồi quét lại.',
      'Vẫn báo như vậy: bấm "Nhập tay", nhập số giấy (ví dụ 0125/GĐĐ) hoặc số CCCD để tra trong danh sách khu vực.',
      'Không tra được: không cho qua và ghi nhận theo quy định của chốt.',
    ],
    decision: 'check',
  },
  unknown_key: {
    meaning:
      'Mã được ký bằng một khóa không có trong danh sách tin cậy trên máy: không phải do UBND phường nào trong danh sách cấp. Có thể là giấy giả, hoặc máy chưa cập nhật khóa mới của một phường.',
    next: [REFRESH, 'Vẫn báo "KHÔNG RÕ NƠI CẤP": không cho qua, ghi nhận và báo UBND phường.'],
    decision: 'refuse',
  },
  bad_signature: {
    meaning:
      'Chữ ký số không khớp với nội dung: nội dung giấy đã bị sửa sau khi ký, hoặc giấy được làm giả. Các thông tin hiện dưới kết luận KHÔNG được xác thực.',
    next: [
      'Không cho qua.',
      'Ghi nhận người, giấy tờ và số giấy; xử lý theo quy định của chốt và báo UBND phường. Lượt quét đã được ghi vào nhật ký quét.',
    ],
    decision: 'refuse',
  },
  key_not_valid: {
    meaning: 'Mã được ký bằng một khóa đã hết hiệu lực vào lúc ký: giấy không còn giá trị.',
    next: [REFRESH, 'Vẫn báo như vậy: không cho qua; người đi đường liên hệ đơn vị để được cấp giấy mới.'],
    decision: 'refuse',
  },
  revoked: {
    meaning:
      'Giấy đi đường đã bị đơn vị hoặc UBND phường thu hồi (người đã rút khỏi danh sách, giấy bị mất và được cấp lại, đơn vị bị tạm dừng hoạt động…).',
    next: ['Không cho qua.', 'Người đi đường liên hệ đơn vị cấp giấy.'],
    decision: 'refuse',
  },
  not_yet_valid: {
    meaning: 'Giấy hợp lệ nhưng chưa đến ngày có hiệu lực ghi trên màn hình.',
    next: ['Không cho qua trước thời điểm có hiệu lực.', 'Người đi đường liên hệ đơn vị nếu cần đi sớm hơn.'],
    decision: 'refuse',
  },
  expired: {
    meaning: 'Giấy đã hết thời hạn ghi trên giấy.',
    next: ['Không cho qua.', 'Người đi đường liên hệ đơn vị để được cấp giấy mới.'],
    decision: 'refuse',
  },
};

/** Every warning shown under a valid verdict (the verifier's and the app's own). */
export const WARNING_GUIDE: Readonly<Record<AppWarning, Omit<GuideEntry, 'code' | 'sign'>>> = {
  off_route: {
    meaning:
      'Phường nơi đặt chốt không nằm trong lộ trình đã đăng ký của người này. (Ứng dụng so với phường của chốt đã chọn khi đăng nhập.)',
    next: [
      'Kiểm tra lại tên chốt ở đầu màn hình; chọn sai chốt thì vào Cài đặt, "Đổi chốt kiểm soát".',
      'Hỏi người đi đường đi đâu, vì sao đi ngoài lộ trình; xử lý theo quy định của chốt.',
    ],
    decision: 'check',
  },
  outside_schedule: {
    meaning: 'Giờ hoặc ngày hiện tại nằm ngoài thời gian làm việc đã đăng ký (ví dụ T2–T7, 07:00–17:30).',
    next: ['Hỏi lý do đi ngoài giờ làm việc; xử lý theo quy định của chốt.'],
    decision: 'check',
  },
  untrusted_origin: {
    meaning:
      'Chữ ký đúng nhưng mã trỏ tới một địa chỉ không chính thức: có người đã in lại mã với địa chỉ khác, có thể để dẫn người quét bằng Zalo tới trang giả.',
    next: [
      'Đối chiếu kỹ giấy tờ tùy thân.',
      'Ghi lại số giấy và báo UBND phường. Chỉ tin kết luận của ứng dụng tại chốt, không tin trang web mở ra khi quét bằng ứng dụng khác.',
    ],
    decision: 'check',
  },
  identity_mismatch: {
    meaning: 'Thẻ CCCD vừa quét không phải của người được cấp giấy: giấy đi đường này là của người khác.',
    next: ['Không cho qua.', 'Ghi nhận và xử lý theo quy định của chốt.'],
    decision: 'refuse',
  },
  lists_stale: {
    meaning:
      'Danh sách tin cậy hoặc danh sách thu hồi trên máy đã cũ hơn giới hạn (mặc định 24 giờ, đặt trong Cài đặt): một giấy mới bị thu hồi có thể vẫn hiện "HỢP LỆ".',
    next: [
      'Bật mạng (dữ liệu di động hoặc Wi-Fi); ứng dụng tự cập nhật, hoặc vào Cài đặt, bấm "Cập nhật danh sách ngay".',
      'Trong lúc chưa cập nhật được: đối chiếu giấy tờ tùy thân thật kỹ.',
    ],
    decision: 'check',
  },
};

/**
 * The checkpoint app's own states (not verdicts of the permit): identity check, unit and
 * staff-list look-ups, the typed look-up, the top bar, and `cannot_verify` — no trust list on
 * the device, so nothing is known of the permit: neither valid nor invalid.
 */
export const CHECKPOINT_STATE_GUIDE: readonly GuideEntry[] = [
  {
    code: 'cannot_verify',
    sign: {
      style: 'headline',
      tone: 'neutral',
      icon: '?',
      title: 'KHÔNG THỂ XÁC MINH',
      reason: 'CHƯA CÓ DANH SÁCH TIN CẬY',
      text: 'Máy chưa tải được danh sách tin cậy nên không thể xác minh mã này.',
    },
    meaning:
      'Máy chưa tải được danh sách tin cậy (lần đầu dùng mà chưa có mạng, hoặc danh sách quá cũ để biết khóa ký): ứng dụng không biết giấy thật hay giả. Đây KHÔNG phải kết luận "KHÔNG HỢP LỆ".',
    next: [
      'Bật mạng và giữ mạng cho tới khi đầu màn hình hiện "tin cậy: vừa xong"; rồi quét lại.',
      'Trong lúc chờ: kiểm tra giấy tờ tùy thân và bấm "Nhập tay" để tra số giấy hoặc số CCCD trong danh sách khu vực.',
    ],
    decision: 'check',
  },
  {
    code: 'identity_match',
    sign: { style: 'notice', tone: 'good', icon: '✓', text: '**Khớp giấy tờ tùy thân**: CCCD … — họ tên.' },
    meaning: 'Thẻ CCCD gắn chip vừa quét đúng là của người được cấp giấy.',
    next: ['Cho qua nếu kết luận là "HỢP LỆ" và không có cảnh báo.'],
    decision: 'pass',
  },
  {
    code: 'identity_mismatch_notice',
    sign: {
      style: 'notice',
      tone: 'bad',
      icon: '✕',
      text: '**Không khớp giấy tờ tùy thân**: thẻ quét được là CCCD … — họ tên.',
    },
    meaning: 'Thẻ CCCD vừa quét là của người khác, không phải người được cấp giấy.',
    next: ['Không cho qua.'],
    decision: 'refuse',
  },
  {
    code: 'scan_card_hint',
    sign: {
      style: 'notice',
      tone: 'warn',
      icon: 'ℹ',
      text: 'Quét mã QR trên CCCD của người đi đường để đối chiếu, hoặc so họ tên và số giấy tờ bằng mắt.',
    },
    meaning: 'Giấy hợp lệ; ứng dụng nhắc đối chiếu với giấy tờ tùy thân vì chưa quét thẻ CCCD.',
    next: ['Đưa mã QR ở mặt trước thẻ CCCD gắn chip vào camera (không cần bấm gì), hoặc so bằng mắt.'],
    decision: 'check',
  },
  {
    code: 'unit_suspended',
    sign: {
      style: 'notice',
      tone: 'bad',
      icon: '⚠',
      text: 'Đơn vị **…** đang **tạm dừng hoạt động** **(theo danh sách khu vực)**.',
    },
    meaning:
      'Đơn vị cấp giấy đang bị UBND phường tạm dừng hoạt động: mọi giấy của đơn vị đã bị thu hồi, nhưng danh sách thu hồi trên máy chưa có.',
    next: ['Không cho qua.', REFRESH],
    decision: 'refuse',
  },
  {
    code: 'not_on_staff_list',
    sign: {
      style: 'notice',
      tone: 'bad',
      icon: '⚠',
      text: 'Người này **không có** trong danh sách người lao động đã duyệt của đơn vị **(theo danh sách khu vực)**.',
    },
    meaning:
      'Người được cấp giấy không có (hoặc không còn) trong danh sách người lao động đã được UBND phường phê duyệt.',
    next: ['Không cho qua.', 'Ghi nhận số giấy và báo UBND phường để hậu kiểm.'],
    decision: 'refuse',
  },
  {
    code: 'unit_qr',
    sign: {
      style: 'headline',
      tone: 'good',
      icon: '✓',
      title: 'HỢP LỆ',
      reason: 'ĐƠN VỊ ĐÃ ĐƯỢC PHÊ DUYỆT',
      text: 'Mã QR hợp lệ của đơn vị đã được UBND phường phê duyệt. Đây không phải giấy đi đường của một người.',
    },
    meaning:
      'Đây là mã QR của đơn vị (in trên giấy xác nhận của UBND phường), không phải giấy đi đường. Bên dưới là trạng thái của đơn vị theo danh sách khu vực.',
    next: [
      'Yêu cầu xuất trình giấy đi đường của từng người.',
      'Cần biết một người có trong danh sách của đơn vị không: nhập số giấy tờ vào ô "Kiểm tra người lao động" hoặc quét thẻ CCCD của người đó.',
    ],
    decision: 'check',
  },
  {
    code: 'staff_found',
    sign: {
      style: 'notice',
      tone: 'good',
      icon: '✓',
      text: '**CÓ TRONG DANH SÁCH**: … — số giấy tờ …; giấy đi đường số …',
    },
    meaning: 'Người này có trong danh sách người lao động đã duyệt của đơn vị (tra trên máy, không phải chữ ký số).',
    next: ['Vẫn cần giấy đi đường hợp lệ của người này để cho qua.'],
    decision: 'check',
  },
  {
    code: 'staff_not_found',
    sign: { style: 'notice', tone: 'bad', icon: '✕', text: '**KHÔNG CÓ TRONG DANH SÁCH** người lao động đã duyệt: …' },
    meaning:
      'Số giấy tờ vừa nhập (hoặc thẻ CCCD vừa quét) không có trong danh sách người lao động đã duyệt của đơn vị.',
    next: ['Không cho qua theo mã QR của đơn vị.'],
    decision: 'refuse',
  },
  {
    code: 'manual_found',
    sign: { style: 'headline', tone: 'good', icon: '✓', title: 'CÓ TRONG DANH SÁCH' },
    meaning:
      'Tra tay: số giấy hoặc số giấy tờ có trong danh sách khu vực, đơn vị đang được phê duyệt. Tra cứu không thay cho chữ ký số: chỉ cho biết đơn vị đã đăng ký người này.',
    next: [
      'Đối chiếu giấy tờ tùy thân và giấy đi đường bằng mắt (họ tên, số giấy, thời hạn); xử lý theo quy định của chốt.',
    ],
    decision: 'check',
  },
  {
    code: 'manual_unit_suspended',
    sign: { style: 'headline', tone: 'bad', icon: '✕', title: 'ĐƠN VỊ TẠM DỪNG HOẠT ĐỘNG' },
    meaning: 'Tra tay: người này có trong danh sách nhưng đơn vị đang bị tạm dừng hoạt động.',
    next: ['Không cho qua.'],
    decision: 'refuse',
  },
  {
    code: 'manual_not_found',
    sign: {
      style: 'headline',
      tone: 'bad',
      icon: '✕',
      title: 'KHÔNG TÌM THẤY',
      text: 'Không có "…" trong danh sách khu vực của chốt.',
    },
    meaning:
      'Tra tay: không có số này trong danh sách khu vực trên máy. Danh sách khu vực chỉ gồm các đơn vị của phường quản lý chốt.',
    next: [
      'Kiểm tra lại số đã nhập.',
      'Người của phường khác: dựa vào mã QR; không quét được mã thì xử lý theo quy định của chốt.',
    ],
    decision: 'check',
  },
  {
    code: 'offline',
    sign: { style: 'status', tone: 'warn', icon: '○', title: 'Mất mạng' },
    meaning:
      'Máy không có mạng. Ứng dụng vẫn quét và kết luận bằng danh sách đã lưu trên máy; nhật ký quét được giữ lại và gửi khi có mạng.',
    next: [
      'Tiếp tục quét bình thường.',
      'Để ý tuổi của danh sách ở đầu màn hình; khi có mạng, ứng dụng tự cập nhật và tự gửi nhật ký.',
    ],
  },
  {
    code: 'list_age_stale',
    sign: { style: 'status', tone: 'warn', icon: '⚠', title: 'tin cậy: 2 ngày' },
    meaning:
      'Một danh sách trên máy (tin cậy, thu hồi hoặc khu vực) đã cũ hơn giới hạn trong Cài đặt, hoặc chưa tải lần nào.',
    next: ['Bật mạng; vào Cài đặt, bấm "Cập nhật danh sách ngay".'],
  },
  {
    code: 'scans_waiting',
    sign: { style: 'status', tone: 'warn', icon: '↑', title: '3 lượt quét chờ gửi — sẽ thử lại' },
    meaning: 'Có lượt quét chưa gửi về UBND phường (mất mạng hoặc máy chủ chưa trả lời). Không lượt quét nào bị mất.',
    next: [
      'Không cần làm gì: ứng dụng tự gửi lại khi có mạng. Muốn gửi ngay: Cài đặt, "Gửi nhật ký quét ngay".',
      'Nếu ghi "cần đăng nhập lại": bấm "Đăng nhập lại" ở đầu màn hình (vẫn quét được trong lúc đó).',
    ],
  },
];

export interface CheckpointGuide {
  verdicts: GuideEntry[];
  warnings: GuideEntry[];
  states: readonly GuideEntry[];
}

/** The whole guide: verdicts in the spec's order (valid first), warnings, then the app's states. */
export function checkpointGuide(): CheckpointGuide {
  const order: Verdict[] = ['valid', ...VERDICTS.filter((v) => v !== 'valid')];
  const warnings: AppWarning[] = [...WARNINGS, 'lists_stale'];
  return {
    verdicts: order.map((v) => ({ code: v, sign: verdictSign(v), ...VERDICT_GUIDE[v] })),
    warnings: warnings.map((w) => ({ code: w, sign: warningSign(w), ...WARNING_GUIDE[w] })),
    states: CHECKPOINT_STATE_GUIDE,
  };
}
