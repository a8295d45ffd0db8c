import type { HelpTopic } from './help-types.js';

/**
 * Help for the ward's people — Bộ phận Một cửa, Trạm Y tế phường, Quản trị phường — and for the
 * district's and city's supervisors, written from the back-office screens
 * (packages/web/src/backoffice/screens) as they work today.
 */
export const WARD_TOPIC_IDS = [
  'han-xu-ly-ho-so',
  'tiep-nhan-ho-so',
  'duyet-hay-tra-lai',
  'lanh-dao-ky-phe-duyet',
  'tiep-nhan-doanh-nghiep',
  'tam-dung-hoat-dong',
  'sua-va-huy-quyet-dinh',
  'giay-di-duong-cua-phuong',
  'nhat-ky-quet',
  'xac-nhan-phuong-an',
  'tai-khoan-can-bo',
  'chot-kiem-soat',
  'thiet-lap-phuong',
  'khoa-ky',
  'nhat-ky-he-thong',
  'tai-lieu-huong-dan',
  'tong-quan-dia-ban',
  'dang-nhap-mat-khau',
] as const;
export type WardTopicId = (typeof WARD_TOPIC_IDS)[number];

const DESK = ['ward_officer'] as const;
const ADMIN = ['ward_admin'] as const;

export const WARD_TOPICS: readonly HelpTopic<WardTopicId>[] = [
  {
    id: 'lanh-dao-ky-phe-duyet',
    title: 'Lãnh đạo UBND phường ký phê duyệt',
    roles: ['ward_leader', 'ward_officer', 'ward_admin'],
    summary:
      'Chủ tịch hoặc Phó Chủ tịch UBND phường ký phê duyệt hồ sơ do Bộ phận Một cửa trình, hoặc trả lại Một cửa kèm lý do.',
    blocks: [
      {
        p: 'Bộ phận Một cửa chuẩn bị hồ sơ; lãnh đạo UBND phường phê duyệt ("ký, đóng dấu"). Sau khi Trạm Y tế xác nhận, Một cửa bấm **Trình lãnh đạo ký**: hồ sơ chuyển sang **Chờ lãnh đạo UBND phường ký**.',
      },
      { h: 'Hồ sơ chờ ký', id: 'cho-ky' },
      {
        steps: [
          'Đăng nhập bằng tài khoản lãnh đạo, mở **Hồ sơ chờ ký**: hồ sơ gấp nhất ở trên cùng.',
          'Mở hồ sơ: xem kế hoạch, danh sách người lao động, xác nhận của Trạm Y tế và cam kết của người đại diện doanh nghiệp.',
          'Bấm **Phê duyệt**: hồ sơ có số phê duyệt, tên và chức vụ của người ký được ghi vào hồ sơ và in trên giấy xác nhận.',
          'Hoặc bấm **Trả lại Một cửa** và ghi lý do: hồ sơ trở về Một cửa (chờ phê duyệt) để xem lại rồi trình ký lại.',
        ],
      },
      { h: 'Giấy xác nhận ký số', id: 'ky-so' },
      {
        p: 'Giấy xác nhận (PDF) in tên người ký và được ký số bằng chứng thư của phường. Phần mềm đọc PDF báo chữ ký hợp lệ và tài liệu không bị sửa; tên người ký hiện "chưa xác định" cho đến khi máy tính tin cậy chứng thư của phường.',
      },
      { h: 'Phường nhỏ', id: 'phuong-nho' },
      {
        note: 'Quản trị phường có thể tắt **Lãnh đạo UBND phường ký phê duyệt** trong **Thiết lập phường**: khi đó Bộ phận Một cửa phê duyệt như trước. Hồ sơ đang chờ ký vẫn do lãnh đạo ký hoặc trả lại.',
      },
      { see: ['duyet-hay-tra-lai', 'thiet-lap-phuong'] },
    ],
  },
  {
    id: 'han-xu-ly-ho-so',
    title: 'Hạn 3 ngày: hồ sơ cần xử lý',
    roles: ['ward_officer', 'health_officer'],
    summary: 'Mỗi hồ sơ phải xong trong thời hạn của phường (mặc định 3 ngày) kể từ khi nộp; cách theo dõi hạn.',
    blocks: [
      {
        p: 'Hạn xử lý tính từ lúc hồ sơ được nộp: mặc định **3 ngày**, Quản trị phường có thể đổi trong **Thiết lập phường**. Hồ sơ bị trả lại rồi nộp lại thì hạn được tính lại từ lần nộp mới.',
      },
      { h: 'Theo dõi hạn', id: 'theo-doi' },
      {
        list: [
          '**Hồ sơ cần xử lý** (Bộ phận Một cửa) và **Hồ sơ chờ xác nhận** (Trạm Y tế): hồ sơ đang chờ, hạn gần nhất ở trên cùng.',
          'Mỗi hồ sơ có đồng hồ "còn 1 ngày 4 giờ"; để chuột lên đồng hồ để xem giờ hết hạn chính xác.',
          'Hồ sơ trễ hạn có nhãn **⚠ Quá hạn xử lý** và dòng "quá hạn … giờ" màu đỏ.',
          '**Tổng quan** ghi số hồ sơ đang chờ, **Quá hạn xử lý** và **Đến hạn trong 24 giờ**; bấm vào con số để mở danh sách.',
          'Hộp thư của Bộ phận Một cửa (đặt trong **Thiết lập phường**) nhận thư nhắc khi một hồ sơ còn dưới 24 giờ hoặc đã quá hạn, mỗi lần nộp một thư.',
        ],
      },
      { h: 'Hai bước trong thời hạn', id: 'hai-buoc' },
      {
        steps: [
          'Trạm Y tế phường xác nhận phương án phòng chống dịch (hồ sơ **Đã nộp, chờ Trạm Y tế xác nhận**).',
          'Bộ phận Một cửa trình UBND phường phê duyệt (hồ sơ **Trạm Y tế đã xác nhận, chờ UBND phường phê duyệt**).',
        ],
      },
      {
        note: 'Cả hai bước dùng chung một thời hạn: Trạm Y tế xác nhận sớm để Bộ phận Một cửa còn thời gian trình phê duyệt.',
      },
      { see: ['xac-nhan-phuong-an', 'duyet-hay-tra-lai', 'thiet-lap-phuong'] },
    ],
  },
  {
    id: 'tiep-nhan-ho-so',
    title: 'Tiếp nhận hồ sơ gửi qua thư điện tử, bưu điện hoặc trực tiếp',
    roles: DESK,
    summary:
      'Nhập vào hệ thống hồ sơ doanh nghiệp gửi bản quét qua thư điện tử, qua bưu điện hoặc nộp tại Bộ phận Một cửa.',
    blocks: [
      {
        p: 'Doanh nghiệp có tài khoản thì tự nộp trực tuyến. Hồ sơ đến bằng đường khác do Bộ phận Một cửa nhập: Bộ phận Một cửa giữ hồ sơ đó (tải tệp, nhập danh sách, nộp), Trạm Y tế và UBND phường xét như hồ sơ trực tuyến.',
      },
      {
        steps: [
          'Bấm **Tiếp nhận hồ sơ** (trình đơn bên trái, hoặc nút trên trang **Hồ sơ cần xử lý**).',
          '**1. Doanh nghiệp**: chọn **Doanh nghiệp đã có** và tìm theo tên (không cần dấu) hoặc mã số thuế, bấm **Chọn**; chưa có thì chọn **Doanh nghiệp mới** và điền thông tin. Đánh dấu **Tạo tài khoản cho người đại diện** nếu doanh nghiệp muốn tự theo dõi và cấp giấy: mật khẩu ban đầu chỉ hiện một lần, hãy ghi lại và gửi cho người đại diện.',
          '**2. Hồ sơ**: chọn **Hình thức nộp** (**Thư điện tử**, **Bưu điện** hoặc **Trực tiếp tại Một cửa**), kỳ kế hoạch (**Từ ngày**, **Đến ngày**), ghi chú nếu cần (ví dụ ngày nhận thư, số công văn), bấm **Tạo hồ sơ và tải bản quét lên**.',
          'Trong hồ sơ vừa tạo: tải lên bản quét kế hoạch, phương án phòng chống dịch có chữ ký, đóng dấu (PDF, JPEG, PNG, tối đa 10 MB mỗi tệp).',
          'Nhập danh sách người lao động: tải tệp Excel doanh nghiệp gửi lên (đúng mẫu), hoặc thêm từng người.',
          'Bấm **Nộp hồ sơ**: hồ sơ chuyển sang **Đã nộp, chờ Trạm Y tế xác nhận** và hạn 3 ngày bắt đầu tính.',
        ],
      },
      {
        note: 'Doanh nghiệp mới cần được tiếp nhận (trạng thái **Đang hoạt động**) trước khi lập hồ sơ; doanh nghiệp do Bộ phận Một cửa tạo thì được tiếp nhận ngay.',
      },
      { see: ['nhap-danh-sach-tu-excel', 'han-xu-ly-ho-so', 'tiep-nhan-doanh-nghiep'] },
    ],
  },
  {
    id: 'duyet-hay-tra-lai',
    title: 'Duyệt hay trả lại hồ sơ',
    roles: [...DESK, 'ward_admin', 'supervisor'],
    summary:
      'Phê duyệt, trả lại để bổ sung hoặc từ chối một hồ sơ Trạm Y tế đã xác nhận; điều xảy ra sau mỗi quyết định.',
    blocks: [
      {
        steps: [
          'Mở hồ sơ từ **Hồ sơ cần xử lý**.',
          'Xem kế hoạch: bấm **Xem** bên cạnh tệp để xem ngay trên trang (PDF trong khung, ảnh hiện trực tiếp).',
          'Xem **Danh sách người lao động** của hồ sơ và **Lịch sử xử lý** (ý kiến của Trạm Y tế).',
          'Ở mục **Xử lý hồ sơ**, bấm nút phù hợp, đọc lời giải thích trong hộp thoại, ghi lý do khi được yêu cầu, rồi bấm nút xác nhận.',
        ],
      },
      { h: 'Các quyết định', id: 'quyet-dinh' },
      {
        list: [
          '**Phê duyệt** (khi Trạm Y tế đã xác nhận): danh sách người lao động của hồ sơ có hiệu lực; hồ sơ nhận số phê duyệt của phường; đơn vị được cấp **mã QR của đơn vị** và được cấp giấy đi đường cho những người trong danh sách. Doanh nghiệp nhận thư báo.',
          '**Trả lại để bổ sung** (bắt buộc ghi lý do): hồ sơ về lại người giữ hồ sơ (doanh nghiệp, hoặc Bộ phận Một cửa với hồ sơ giấy) để sửa rồi nộp lại. Ghi rõ cần bổ sung hoặc sửa gì: doanh nghiệp đọc đúng lý do này.',
          '**Từ chối** (bắt buộc ghi lý do): hồ sơ kết thúc, không nộp lại được; doanh nghiệp lập hồ sơ mới nếu muốn.',
        ],
      },
      {
        note: 'Hồ sơ bổ sung người lao động đi qua đúng hai bước như hồ sơ đăng ký; khi được phê duyệt, người mới được thêm vào danh sách đã duyệt.',
      },
      { see: ['han-xu-ly-ho-so', 'tam-dung-hoat-dong', 'xac-nhan-phuong-an'] },
    ],
  },
  {
    id: 'tiep-nhan-doanh-nghiep',
    title: 'Tiếp nhận doanh nghiệp tự đăng ký',
    roles: DESK,
    summary: 'Kiểm tra doanh nghiệp tự đăng ký trên mạng rồi tiếp nhận hoặc không tiếp nhận.',
    blocks: [
      {
        steps: [
          'Trang **Hồ sơ cần xử lý** báo "Có … doanh nghiệp tự đăng ký đang chờ tiếp nhận": bấm **Xem và tiếp nhận** (hoặc mở **Doanh nghiệp**, lọc **Chờ UBND phường tiếp nhận**).',
          'Mở doanh nghiệp, kiểm tra mã số thuế, tên, địa chỉ, người liên hệ.',
          'Bấm **Tiếp nhận doanh nghiệp**; hoặc **Không tiếp nhận** và ghi lý do (doanh nghiệp đọc được lý do này).',
        ],
      },
      {
        p: 'Doanh nghiệp được tiếp nhận chuyển sang **Đang hoạt động** và lập được hồ sơ. Trang của mỗi doanh nghiệp có hồ sơ, mã QR của đơn vị, giấy xác nhận (PDF), danh sách người lao động và giấy đi đường của đơn vị.',
      },
      { pdf: 'business' },
    ],
  },
  {
    id: 'sua-va-huy-quyet-dinh',
    title: 'Duyệt thay đổi thông tin, hủy quyết định không tiếp nhận hoặc từ chối',
    roles: [...DESK, ...ADMIN],
    summary:
      'Duyệt đề nghị sửa tên, địa chỉ, ngành nghề của doanh nghiệp; sửa sai một quyết định không tiếp nhận hay từ chối.',
    blocks: [
      { h: 'Đề nghị thay đổi thông tin', id: 'thay-doi-thong-tin' },
      {
        steps: [
          'Trang **Hồ sơ cần xử lý** báo số **đề nghị thay đổi thông tin doanh nghiệp chờ duyệt**, kèm tên từng doanh nghiệp: bấm vào tên.',
          'Trang doanh nghiệp hiện bảng "thông tin hiện tại – thông tin đề nghị". Kiểm tra giấy tờ của doanh nghiệp.',
          'Bấm **Duyệt thay đổi** (thông tin mới có hiệu lực ngay), hoặc **Không duyệt** và ghi lý do (doanh nghiệp đọc được).',
        ],
      },
      {
        p: 'Bộ phận Một cửa cũng tự sửa được thông tin doanh nghiệp (**Sửa thông tin** trên trang doanh nghiệp): có hiệu lực ngay, được ghi vào nhật ký hệ thống.',
      },
      { h: 'Doanh nghiệp chuyển đến phường', id: 'chuyen-den-phuong' },
      {
        steps: [
          'Doanh nghiệp của phường khác đề nghị chuyển trụ sở đến phường: trang **Hồ sơ cần xử lý** hiện khung "Chuyển đến từ phường …" với phường và địa chỉ cũ, mới.',
          'Bấm **Duyệt chuyển đến phường**: doanh nghiệp thuộc phường từ lúc đó; mã QR đơn vị do phường cũ cấp bị thu hồi; doanh nghiệp lập hồ sơ mới gửi phường phê duyệt. Hoặc **Không duyệt** và ghi lý do.',
          'Phường cũ chỉ xem đề nghị, không quyết định; khi duyệt, Bộ phận Một cửa phường cũ nhận e-mail báo doanh nghiệp đã chuyển đi. Hồ sơ phường cũ đã xử lý ở lại với phường cũ.',
        ],
      },
      { h: 'Hủy quyết định không tiếp nhận', id: 'huy-khong-tiep-nhan' },
      {
        p: 'Doanh nghiệp bị **Không được tiếp nhận** nhầm: mở doanh nghiệp, bấm **Hủy quyết định không tiếp nhận**, ghi lý do. Doanh nghiệp chuyển sang **Đang hoạt động** và nhận e-mail. Doanh nghiệp cũng có thể tự sửa và gửi lại đăng ký.',
      },
      { h: 'Hủy quyết định từ chối hồ sơ', id: 'huy-tu-choi' },
      {
        p: 'Hồ sơ **Từ chối** nhầm: mở hồ sơ, bấm **Hủy quyết định từ chối**, ghi lý do. Hồ sơ trở lại **Đã nộp, chờ Trạm Y tế xác nhận** với hạn xử lý mới; những người bị loại theo quyết định từ chối trở lại chờ duyệt. Lý do được ghi vào lịch sử hồ sơ và nhật ký hệ thống.',
      },
      {
        note: 'Không hủy được khi doanh nghiệp đã lập một hồ sơ khác cùng loại sau khi bị từ chối: xử lý hồ sơ mới đó.',
        tone: 'warn',
      },
      { see: ['tiep-nhan-doanh-nghiep', 'duyet-hay-tra-lai'] },
    ],
  },
  {
    id: 'tam-dung-hoat-dong',
    title: 'Tạm dừng hoạt động, rút người khỏi danh sách',
    roles: DESK,
    summary: 'Tạm dừng một doanh nghiệp vi phạm, cho hoạt động trở lại, rút một người khỏi danh sách đã duyệt.',
    blocks: [
      { h: 'Tạm dừng hoạt động', id: 'tam-dung' },
      {
        p: 'Trong hồ sơ đăng ký đã được phê duyệt, bấm **Tạm dừng hoạt động** và ghi lý do. Có hiệu lực ngay: doanh nghiệp không cấp được giấy mới, **mọi giấy đi đường đang có hiệu lực và mã QR của đơn vị bị thu hồi**; tại chốt, các giấy đó báo **ĐÃ BỊ THU HỒI**.',
      },
      {
        p: '**Cho hoạt động trở lại** (ghi lý do): doanh nghiệp được cấp mã QR của đơn vị mới và cấp giấy đi đường trở lại. Giấy đã bị thu hồi không có hiệu lực lại: doanh nghiệp cấp giấy mới.',
      },
      { h: 'Rút người khỏi danh sách', id: 'rut-nguoi' },
      {
        p: 'Trên trang doanh nghiệp, mục **Danh sách người lao động**, bấm **Rút khỏi danh sách** ở dòng của người đó và ghi lý do. Có hiệu lực ngay: người đó không còn trong danh sách và mọi giấy đi đường của họ bị thu hồi.',
      },
      { note: 'Thu hồi không hoàn tác được.', tone: 'warn' },
      { see: ['giay-di-duong-cua-phuong'] },
    ],
  },
  {
    id: 'giay-di-duong-cua-phuong',
    title: 'Giấy đi đường của các doanh nghiệp: xem, in, thu hồi',
    roles: ['ward_officer', 'ward_admin'],
    summary: 'Tìm, in và thu hồi giấy đi đường của các doanh nghiệp trong phường.',
    blocks: [
      {
        list: [
          '**Giấy đi đường**: mọi giấy của các doanh nghiệp trong phường, mới nhất ở trên; lọc theo doanh nghiệp và trạng thái (**Còn hiệu lực**, **Đã thu hồi**, **Hết hạn**); tìm theo họ tên (không cần dấu), số giấy tờ hoặc số giấy.',
          '**Tải PDF** in một giấy; chọn nhiều giấy rồi **In … giấy đã chọn**; khi đã lọc một doanh nghiệp, **In tất cả giấy còn hiệu lực**. Chọn khổ **A5, mỗi trang một giấy** hoặc **A4, mỗi trang hai giấy**.',
          '**Thu hồi** một giấy: ghi lý do, có hiệu lực ngay; chốt kiểm soát sẽ báo **ĐÃ BỊ THU HỒI** khi máy của chốt cập nhật danh sách thu hồi (tự động mỗi 15 phút khi có mạng).',
        ],
      },
      { see: ['tam-dung-hoat-dong', 'nhat-ky-quet'] },
    ],
  },
  {
    id: 'nhat-ky-quet',
    title: 'Nhật ký quét (hậu kiểm)',
    roles: ['ward_officer', 'ward_admin', 'supervisor'],
    summary: 'Xem các lượt quét tại chốt kiểm soát để hậu kiểm.',
    blocks: [
      {
        p: 'Mỗi lượt quét tại chốt của phường được gửi về và ghi lại: thời điểm, chốt, kết quả, loại mã, người và giấy, doanh nghiệp. Lọc theo **Từ ngày**, **Đến ngày**, **Chốt kiểm soát**, **Kết quả**, **Loại**.',
      },
      {
        list: [
          'Kết quả **GIẢ MẠO**, **KHÔNG RÕ NƠI CẤP**, **MÃ HỎNG HOẶC BỊ SỬA**: xem người, chốt, thời điểm để xử lý.',
          'Cảnh báo **Ngoài lộ trình**, **Ngoài thời gian làm việc**: căn cứ hậu kiểm việc đơn vị tuân thủ lộ trình đã đăng ký.',
          'Lượt quét ghi khi chốt mất mạng được gửi về sau, theo đúng thời điểm quét trên máy.',
        ],
      },
      { see: ['y-nghia-ket-luan'] },
    ],
  },
  {
    id: 'xac-nhan-phuong-an',
    title: 'Xác nhận phương án phòng chống dịch hay trả lại',
    roles: ['health_officer'],
    summary: 'Trạm Y tế phường xem kế hoạch, phương án phòng chống dịch và danh sách, rồi xác nhận hoặc trả lại.',
    blocks: [
      {
        steps: [
          'Trang đầu **Hồ sơ chờ xác nhận**: hồ sơ **Đã nộp, chờ Trạm Y tế xác nhận**, hạn gần nhất ở trên. Mở hồ sơ.',
          'Bấm **Xem** bên cạnh từng tệp của **Kế hoạch, phương án phòng chống dịch** để đọc ngay trên trang.',
          'Xem **Danh sách người lao động** (họ tên, giấy tờ, lộ trình, thời gian làm việc).',
          'Đạt yêu cầu: bấm **Xác nhận phương án** (có thể ghi chú). Hồ sơ chuyển sang **Trạm Y tế đã xác nhận, chờ UBND phường phê duyệt**.',
          'Chưa đạt: bấm **Trả lại để bổ sung** và ghi rõ cần bổ sung gì. Hồ sơ về lại doanh nghiệp (hoặc Bộ phận Một cửa với hồ sơ giấy).',
        ],
      },
      {
        note: 'Mọi lần mở danh sách người lao động đều được ghi vào nhật ký hệ thống: danh sách có số giấy tờ tùy thân của người lao động.',
      },
      { see: ['han-xu-ly-ho-so'] },
    ],
  },
  {
    id: 'tai-khoan-can-bo',
    title: 'Tài khoản cán bộ',
    roles: ADMIN,
    summary: 'Tạo tài khoản cho cán bộ Một cửa, Trạm Y tế, cán bộ tại chốt; khóa, mở khóa, đặt lại mật khẩu.',
    blocks: [
      {
        steps: [
          'Mở **Tài khoản**, bấm **Tạo tài khoản**.',
          'Nhập **Họ và tên**, **Tên đăng nhập** (chữ không dấu, chữ số, dấu chấm hoặc gạch ngang), chọn **Vai trò**.',
          'Để trống **Mật khẩu ban đầu** thì hệ thống tạo mật khẩu ngẫu nhiên. Mật khẩu này **chỉ hiện một lần**: ghi lại và trao tận tay người dùng. Người dùng phải đổi mật khẩu ở lần đăng nhập đầu.',
        ],
      },
      {
        list: [
          '**Khóa**: người dùng bị đăng xuất ngay và không đăng nhập được cho tới khi **Mở khóa**. Dùng khi cán bộ nghỉ việc hoặc mất điện thoại.',
          '**Đặt lại mật khẩu**: hệ thống tạo mật khẩu mới (hiện một lần), người dùng bị đăng xuất và phải đổi mật khẩu.',
          '**Sửa**: đổi **Họ và tên**, ghi, đổi hoặc xóa (để trống) **Chức vụ** và **E-mail** của tài khoản. Chức vụ của lãnh đạo in dưới chữ ký trên văn bản phê duyệt; e-mail nhận thông báo hồ sơ. Hai ô này cũng có khi tạo tài khoản (không bắt buộc).',
        ],
      },
      { see: ['chot-kiem-soat'] },
    ],
  },
  {
    id: 'chot-kiem-soat',
    title: 'Chốt kiểm soát và cán bộ tại chốt',
    roles: ADMIN,
    summary: 'Khai báo chốt kiểm soát, cấp tài khoản và gửi hướng dẫn cho cán bộ tại chốt.',
    blocks: [
      {
        steps: [
          'Mở **Chốt kiểm soát**, bấm **Thêm chốt**: **Tên chốt** (ví dụ Chốt cầu Đông Trù), **Phường nơi đặt chốt** (chốt có thể đặt ở phường lân cận trong quận), **Địa điểm**.',
          'Tạo tài khoản vai trò **Cán bộ tại chốt** cho từng cán bộ (mục **Tài khoản**).',
          'Gửi cho cán bộ: địa chỉ ứng dụng, tên đăng nhập, mật khẩu ban đầu, và tài liệu hướng dẫn in (PDF) dưới đây qua thư điện tử hoặc Zalo.',
        ],
      },
      {
        p: 'Phường nơi đặt chốt dùng để đối chiếu lộ trình: giấy của người không đi qua phường này hiện cảnh báo **Ngoài lộ trình**. Chốt không dùng nữa: **Ngừng sử dụng** (nhật ký quét cũ được giữ nguyên).',
      },
      { pdf: 'checkpoint' },
      { see: ['cai-dat-ung-dung', 'y-nghia-ket-luan', 'tai-lieu-huong-dan'] },
    ],
  },
  {
    id: 'thiet-lap-phuong',
    title: 'Thiết lập phường',
    roles: ADMIN,
    summary: 'Thời hạn xử lý hồ sơ, căn cứ pháp lý in trên giấy, hộp thư của Bộ phận Một cửa.',
    blocks: [
      {
        list: [
          '**Thời hạn xử lý hồ sơ (ngày)**: từ 1 đến 30, mặc định 3 theo hướng dẫn của thành phố; tính từ lúc nộp.',
          '**Căn cứ pháp lý**: dòng in trên giấy đi đường và giấy xác nhận (ví dụ Căn cứ Công văn số 2434/UBND-KT ngày 29/7/2021…). Để trống thì dùng căn cứ mặc định.',
          '**Hộp thư của Bộ phận Một cửa**: nhận thư báo hồ sơ mới, doanh nghiệp tự đăng ký và hồ sơ sắp đến hạn; cũng in trong tài liệu hướng dẫn gửi doanh nghiệp để liên hệ.',
        ],
      },
      { p: 'Bấm **Lưu**. Thay đổi được ghi vào nhật ký hệ thống và áp dụng cho giấy in từ lúc đó.' },
      { see: ['tai-lieu-huong-dan', 'han-xu-ly-ho-so'] },
    ],
  },
  {
    id: 'khoa-ky',
    title: 'Khóa ký và danh sách tin cậy',
    roles: ADMIN,
    summary: 'Khóa ký mã QR của phường, khi nào thay khóa, và hai danh sách công khai.',
    blocks: [
      {
        p: 'Mỗi giấy đi đường và mã QR của đơn vị được ký bằng khóa ký của UBND phường. Khóa bí mật nằm trên máy chủ, được mã hóa, không bao giờ hiện trên màn hình. Khóa công khai nằm trong **danh sách tin cậy**; ứng dụng tại chốt dùng danh sách này để biết giấy thật.',
      },
      {
        list: [
          '**Thay khóa ký** khi nghi khóa bị lộ, hoặc định kỳ (khóa tự thay sau một năm). Giấy đã cấp vẫn hợp lệ: khóa cũ còn trong danh sách tin cậy cho tới khi mọi giấy nó ký hết hạn.',
          '**Danh sách tin cậy (trust.json)** và **Danh sách thu hồi (revoked.json)** là hai địa chỉ công khai mà ứng dụng tại chốt tải về.',
        ],
      },
      { note: 'Sau khi thay khóa, các máy tại chốt cần có mạng một lần để tải danh sách tin cậy mới.', tone: 'warn' },
    ],
  },
  {
    id: 'nhat-ky-he-thong',
    title: 'Nhật ký hệ thống',
    roles: ['ward_admin', 'supervisor'],
    summary: 'Mọi thao tác ghi dữ liệu và mọi lần xem danh sách người lao động, không sửa được.',
    blocks: [
      {
        p: 'Mỗi thao tác (tạo tài khoản, nộp, xác nhận, phê duyệt, thu hồi, in, đăng nhập…) và mỗi lần xem danh sách người lao động được ghi một dòng: thời điểm, người thực hiện, thao tác, đối tượng, chi tiết. Các dòng nối chuỗi bằng mã băm nên không sửa hay xóa được mà không bị phát hiện.',
      },
      { p: 'Lọc theo **Loại đối tượng**; bấm **Xem các mục cũ hơn** để xem tiếp.' },
    ],
  },
  {
    id: 'tai-lieu-huong-dan',
    title: 'Gửi tài liệu hướng dẫn cho doanh nghiệp và chốt kiểm soát',
    roles: ['ward_admin', 'ward_officer'],
    summary: 'Hai tài liệu PDF khổ A4 có tên phường, để gửi qua thư điện tử, Zalo hoặc in ra.',
    blocks: [
      {
        p: 'Hệ thống tạo sẵn hai tài liệu hướng dẫn khổ A4, có tên UBND phường, hạn xử lý hồ sơ và hộp thư của Bộ phận Một cửa theo **Thiết lập phường**:',
      },
      {
        list: [
          '**Hướng dẫn cho doanh nghiệp**: mã QR của đơn vị và giấy đi đường hoạt động thế nào, cách in (A5 hoặc hai giấy trên A4) và vị trí mã QR trên mẫu giấy của Thành phố, trách nhiệm của thủ trưởng đơn vị, cách thu hồi.',
          '**Hướng dẫn cho cán bộ tại chốt**: cài đặt và mở ứng dụng, quét giấy, đối chiếu CCCD, ý nghĩa từng kết luận, khi mất mạng.',
        ],
      },
      { pdf: 'business' },
      { pdf: 'checkpoint' },
      {
        note: 'Tải lại tài liệu sau khi sửa **Thiết lập phường**: tài liệu luôn được tạo theo thiết lập mới nhất.',
      },
    ],
  },
  {
    id: 'tong-quan-dia-ban',
    title: 'Tổng quan địa bàn (giám sát)',
    roles: ['supervisor'],
    summary: 'Số liệu của quận hoặc thành phố và từng phường; chỉ xem, không sửa.',
    blocks: [
      {
        p: '**Tổng quan địa bàn** ghi số liệu toàn địa bàn rồi từng phường (hoặc từng quận): doanh nghiệp đăng ký, được phê duyệt, hồ sơ chờ, **Quá hạn xử lý**, người lao động, giấy còn hiệu lực, mã QR của đơn vị, lượt quét hôm nay. Bấm tiêu đề cột để sắp xếp.',
      },
      {
        p: 'Các mục **Hồ sơ**, **Doanh nghiệp**, **Nhật ký quét**, **Tài khoản**, **Chốt kiểm soát**, **Nhật ký hệ thống** cho xem dữ liệu của mọi phường trong địa bàn, để hậu kiểm. Giám sát không sửa được dữ liệu.',
      },
      { see: ['nhat-ky-quet', 'nhat-ky-he-thong', 'y-nghia-ket-luan'] },
    ],
  },
  {
    id: 'dang-nhap-mat-khau',
    title: 'Đăng nhập và mật khẩu',
    roles: [
      'ward_officer',
      'ward_leader',
      'health_officer',
      'ward_admin',
      'business_rep',
      'supervisor',
      'checkpoint_officer',
    ],
    summary: 'Đăng nhập, đổi mật khẩu, khi bị khóa tạm thời.',
    common: true,
    blocks: [
      {
        list: [
          'Tài khoản mới hoặc vừa được đặt lại mật khẩu phải đổi mật khẩu trước khi làm việc: ít nhất 8 ký tự, khác tên đăng nhập.',
          'Đổi mật khẩu bất cứ lúc nào ở mục **Đổi mật khẩu**; các phiên đăng nhập khác bị đăng xuất.',
          'Đăng nhập sai nhiều lần phải chờ một lúc: màn hình ghi số giây phải chờ.',
          'Không làm gì trong 8 giờ thì phiên đăng nhập hết; đăng nhập lại là tiếp tục được.',
          'Quên mật khẩu: nhờ Quản trị phường **Đặt lại mật khẩu** (doanh nghiệp: liên hệ Bộ phận Một cửa của phường).',
        ],
      },
    ],
  },
];
