import type { HelpTopic } from './help-types.js';

/**
 * The checkpoint officer's help: shown inside the checkpoint app (offline: this module is a
 * precached chunk) and in the back office. Written from what packages/web/src/checkpoint/app.tsx
 * shows; the verdicts and states themselves come from core's checkpoint guide.
 */
export const CHECKPOINT_TOPIC_IDS = [
  'cai-dat-ung-dung',
  'quet-ma',
  'y-nghia-ket-luan',
  'doi-chieu-cccd',
  'ma-qr-don-vi-tai-chot',
  'nhap-tay',
  'khi-mat-mang',
  'nhat-ky-va-cai-dat',
] as const;
export type CheckpointTopicId = (typeof CHECKPOINT_TOPIC_IDS)[number];

const OFFICER = ['checkpoint_officer'] as const;

export const CHECKPOINT_TOPICS: readonly HelpTopic<CheckpointTopicId>[] = [
  {
    id: 'cai-dat-ung-dung',
    title: 'Cài đặt và mở ứng dụng tại chốt',
    roles: [...OFFICER, 'ward_admin'],
    summary: 'Mở ứng dụng trên điện thoại, đăng nhập một lần, chọn chốt và cho phép camera.',
    blocks: [
      {
        p: 'Ứng dụng chạy ngay trong trình duyệt của điện thoại (Chrome trên Android, Safari trên iPhone): không cần Zalo hay ứng dụng quét mã nào khác, không có quảng cáo, vẫn dùng được khi mất mạng.',
      },
      {
        steps: [
          'Mở trình duyệt, vào địa chỉ của hệ thống do UBND phường gửi, thêm **/checkpoint** ở cuối (hoặc đăng nhập trang làm việc của phường, bấm **Mở ứng dụng tại chốt**).',
          'Nhập **Tên đăng nhập** và **Mật khẩu** do Quản trị phường cấp, bấm **Đăng nhập**. Mỗi máy chỉ cần đăng nhập một lần; lần đầu cần có mạng.',
          'Chọn chốt đang làm nhiệm vụ. Lộ trình trên giấy đi đường được đối chiếu với phường nơi đặt chốt, nên phải chọn đúng chốt.',
          'Khi trình duyệt hỏi, bấm **Cho phép** dùng camera.',
          'Đưa ứng dụng ra màn hình chính để mở nhanh: trên Chrome bấm trình đơn ⋮ rồi **Thêm vào màn hình chính** (hoặc **Cài đặt ứng dụng**); trên Safari bấm nút Chia sẻ rồi **Thêm vào MH chính**. Biểu tượng có tên **Chốt kiểm soát**.',
        ],
      },
      {
        p: 'Những lần sau, mở biểu tượng là vào thẳng màn hình quét, kể cả khi mất mạng. Đổi chốt: **Cài đặt** → **Đổi chốt kiểm soát**.',
      },
      { h: 'Khi camera không bật', id: 'camera' },
      {
        list: [
          '"Chưa được phép dùng camera": cho phép camera cho trang này trong cài đặt của trình duyệt, rồi bấm **Bật camera**.',
          '"Không tìm thấy camera trên máy" hoặc "Trình duyệt này không dùng được camera (cần HTTPS)": dùng **Nhập tay** và báo Quản trị phường.',
          '"Không bật được camera": bấm **Bật camera** để thử lại; vẫn không được thì tắt hẳn trình duyệt rồi mở lại.',
        ],
      },
      {
        note: 'Khi đầu màn hình hiện "Phiên đăng nhập đã hết", ứng dụng vẫn quét và kết luận bình thường; bấm **Đăng nhập lại** khi có mạng để nhật ký quét được gửi đi.',
      },
      { pdf: 'checkpoint' },
    ],
  },
  {
    id: 'quet-ma',
    title: 'Quét mã giấy đi đường',
    roles: OFFICER,
    summary: 'Quét mã QR trên giấy đi đường, đọc kết luận, rồi quét người tiếp theo.',
    blocks: [
      {
        steps: [
          'Người đi đường xuất trình giấy đi đường và CCCD, CMND hoặc hộ chiếu.',
          'Đưa mã QR in ở góc dưới bên trái giấy vào khung trắng trên màn hình, cách khoảng 15–25 cm. Không cần bấm gì: kết luận hiện ngay, kèm âm thanh và rung.',
          'Đọc dòng kết luận lớn ở trên cùng: **✓ HỢP LỆ** trên nền xanh, hoặc **✕ KHÔNG HỢP LỆ** trên nền đỏ kèm lý do.',
          'Giấy hợp lệ: đối chiếu họ tên và số giấy tờ với giấy tờ tùy thân (quét mã QR trên CCCD gắn chip, hoặc so bằng mắt), đọc các dòng cảnh báo màu vàng nếu có.',
          'Bấm **Quét tiếp** (nút lớn ở dưới) cho người sau.',
        ],
      },
      { h: 'Âm thanh và rung', id: 'am-thanh' },
      {
        list: [
          'Một tiếng bíp cao, rung ngắn: hợp lệ, không có cảnh báo.',
          'Hai tiếng trầm dần: hợp lệ nhưng có cảnh báo, hoặc thẻ CCCD không khớp.',
          'Ba tiếng rè trầm, rung dài: không hợp lệ.',
        ],
      },
      {
        p: 'Để yên một mã trước camera thì ứng dụng chỉ báo một lần; đưa mã khác vào thì kết luận mới thay ngay. Tắt hoặc bật âm thanh trong **Cài đặt**.',
      },
      {
        note: 'Tại chốt hãy dùng ứng dụng này, không dùng Zalo hay camera thường: ứng dụng chạy cả khi mất mạng, ghi nhật ký quét và báo khi mã trỏ tới một địa chỉ không chính thức.',
      },
      { see: ['y-nghia-ket-luan', 'doi-chieu-cccd', 'nhap-tay'] },
    ],
  },
  {
    id: 'y-nghia-ket-luan',
    title: 'Ý nghĩa từng kết luận',
    roles: [...OFFICER, 'ward_admin', 'ward_officer', 'supervisor', 'business_rep'],
    summary: 'Mỗi kết luận, cảnh báo và thông báo của ứng dụng tại chốt: trông như thế nào, nghĩa là gì, làm gì tiếp.',
    blocks: [
      {
        p: 'Kết luận luôn có biểu tượng và chữ, không chỉ có màu: **✓** nền xanh là hợp lệ, **✕** nền đỏ là không hợp lệ (dòng thứ hai nói lý do), **?** nền xám là chưa xác minh được. Dưới kết luận là các dòng **⚠ Cảnh báo** nền vàng và các dòng thông báo có viền, rồi thông tin in trong mã.',
      },
      { h: 'Kết luận về giấy đi đường', id: 'ket-luan' },
      { guide: 'verdicts' },
      { h: 'Chưa xác minh được', id: 'khong-the-xac-minh' },
      { guide: 'states', codes: ['cannot_verify'] },
      { h: 'Cảnh báo dưới kết luận hợp lệ', id: 'canh-bao' },
      { guide: 'warnings' },
      { h: 'Đối chiếu giấy tờ tùy thân và danh sách của đơn vị', id: 'thong-bao' },
      {
        guide: 'states',
        codes: ['identity_match', 'identity_mismatch_notice', 'scan_card_hint', 'unit_suspended', 'not_on_staff_list'],
      },
      { h: 'Đầu màn hình', id: 'dau-man-hinh' },
      { guide: 'states', codes: ['offline', 'list_age_stale', 'scans_waiting'] },
      { see: ['doi-chieu-cccd', 'ma-qr-don-vi-tai-chot', 'nhap-tay', 'khi-mat-mang'] },
    ],
  },
  {
    id: 'doi-chieu-cccd',
    title: 'Đối chiếu CCCD',
    roles: OFFICER,
    summary: 'Giấy hợp lệ mới chứng minh tờ giấy; đối chiếu CCCD để biết đúng người.',
    blocks: [
      {
        p: 'Kết luận **HỢP LỆ** cho biết giấy do UBND phường xác thực. Cần đối chiếu thêm giấy tờ tùy thân để chắc người cầm giấy đúng là người được cấp.',
      },
      { h: 'Quét mã QR trên CCCD gắn chip', id: 'quet-cccd' },
      {
        steps: [
          'Đưa mã QR ở mặt trước thẻ CCCD vào camera, trước hoặc sau khi quét giấy đi đường.',
          'Quét thẻ trước: màn hình hiện "Đã quét CCCD: họ tên (số)"; giấy đi đường quét trong 2 phút sau đó được đối chiếu với thẻ.',
          'Quét thẻ sau: kết luận đang hiện được đối chiếu lại và cập nhật ngay.',
          'Muốn bỏ thẻ vừa quét: bấm nút **✕** ở góc dòng "Đã quét CCCD".',
        ],
      },
      { guide: 'states', codes: ['identity_match', 'identity_mismatch_notice'] },
      { h: 'So bằng mắt', id: 'bang-mat' },
      {
        p: 'CMND cũ, hộ chiếu hoặc thẻ không quét được: so **Họ và tên** và số giấy tờ trên màn hình với giấy tờ người đi đường xuất trình.',
      },
      { guide: 'states', codes: ['scan_card_hint'] },
    ],
  },
  {
    id: 'ma-qr-don-vi-tai-chot',
    title: 'Mã QR của đơn vị và kiểm tra người lao động',
    roles: OFFICER,
    summary: 'Mã QR của đơn vị cho biết đơn vị đã được phê duyệt; kiểm tra một người có trong danh sách của đơn vị.',
    blocks: [
      {
        p: 'Mã QR của đơn vị in trên giấy xác nhận của UBND phường. Quét mã này cho biết đơn vị đã được phê duyệt và trạng thái của đơn vị (**Đã phê duyệt** hoặc **Tạm dừng hoạt động**) theo danh sách khu vực trên máy.',
      },
      { guide: 'states', codes: ['unit_qr'] },
      {
        steps: [
          'Dưới kết luận, ở mục **Kiểm tra người lao động**, nhập số CCCD, CMND hoặc hộ chiếu rồi bấm **Kiểm tra**; hoặc quét thẻ CCCD của người đó.',
          'Đọc kết quả: có hay không có trong danh sách người lao động đã duyệt của đơn vị.',
        ],
      },
      { guide: 'states', codes: ['staff_found', 'staff_not_found'] },
      {
        note: 'Mã QR của đơn vị không thay cho giấy đi đường: mỗi người đi đường phải có giấy đi đường của mình.',
        tone: 'warn',
      },
    ],
  },
  {
    id: 'nhap-tay',
    title: 'Nhập tay khi mã hỏng',
    roles: OFFICER,
    summary: 'Tra số giấy hoặc số giấy tờ tùy thân khi mã QR không quét được.',
    blocks: [
      {
        steps: [
          'Bấm **Nhập tay** ở dưới màn hình.',
          'Nhập số giấy in trên giấy đi đường (ví dụ **0125/GĐĐ**, hoặc chỉ **0125**) hoặc số CCCD, CMND, hộ chiếu.',
          'Bấm **Tra cứu** và đọc kết quả.',
        ],
      },
      { guide: 'states', codes: ['manual_found', 'manual_unit_suspended', 'manual_not_found'] },
      {
        note: 'Tra cứu không thay cho chữ ký số: chỉ cho biết đơn vị đã đăng ký người này. Danh sách khu vực gồm các đơn vị của phường quản lý chốt, được tải về máy khi có mạng.',
        tone: 'warn',
      },
    ],
  },
  {
    id: 'khi-mat-mang',
    title: 'Khi mất mạng',
    roles: OFFICER,
    summary: 'Ứng dụng vẫn quét và kết luận khi mất mạng; điều cần để ý.',
    blocks: [
      {
        p: 'Ứng dụng xác minh chữ ký ngay trên điện thoại bằng các danh sách đã tải về: **danh sách tin cậy** (khóa ký của các UBND phường), **danh sách thu hồi** và **danh sách khu vực** (đơn vị và người lao động của phường). Đầu màn hình ghi tuổi của từng danh sách, ví dụ "tin cậy: 5 phút · thu hồi: 5 phút · khu vực: 2 giờ".',
      },
      {
        list: [
          'Mất mạng: vẫn quét, vẫn kết luận, nhật ký quét được giữ trên máy.',
          'Danh sách càng cũ, giấy mới bị thu hồi càng có thể chưa được biết: khi có cảnh báo danh sách đã cũ, đối chiếu giấy tờ thật kỹ.',
          'Máy mới chưa từng tải danh sách tin cậy thì không xác minh được: ứng dụng báo **KHÔNG THỂ XÁC MINH**, không phải **KHÔNG HỢP LỆ**.',
          'Có mạng trở lại: ứng dụng tự cập nhật danh sách và tự gửi nhật ký quét; không cần làm gì.',
        ],
      },
      { guide: 'states', codes: ['offline', 'list_age_stale', 'scans_waiting', 'cannot_verify'] },
      {
        note: 'Đầu ca, khi còn mạng, mở ứng dụng một lần để danh sách được cập nhật. Lần đăng nhập đầu tiên trên một máy luôn cần mạng.',
      },
    ],
  },
  {
    id: 'nhat-ky-va-cai-dat',
    title: 'Nhật ký quét và cài đặt',
    roles: OFFICER,
    summary: 'Xem các lượt quét trên máy, đặt giới hạn cảnh báo, cập nhật danh sách, đổi chốt, đăng xuất.',
    blocks: [
      {
        p: '**Nhật ký**: 50 lượt quét gần nhất trên máy, mỗi lượt ghi kết luận, thời điểm, số giấy và **đã gửi** hay **chờ gửi**. Mọi lượt quét được gửi về UBND phường để hậu kiểm, đúng một lần, kể cả khi gửi lại sau lúc mất mạng.',
      },
      { p: '**Cài đặt**:' },
      {
        list: [
          '**Cảnh báo danh sách cũ sau (giờ)**: từ 1 đến 720, mặc định 24; bấm **Lưu**.',
          '**Phát âm thanh khi có kết quả**: bật hoặc tắt.',
          '**Cập nhật danh sách ngay** và **Gửi nhật ký quét ngay** (cần mạng).',
          '**Đổi chốt kiểm soát** khi chuyển sang chốt khác.',
          '**Đăng xuất**: các lượt quét chưa gửi vẫn được giữ trên máy và gửi sau khi đăng nhập lại.',
        ],
      },
    ],
  },
];
