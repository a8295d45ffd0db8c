import type { HelpTopic } from './help-types.js';

/**
 * Help for businesses (doanh nghiệp, cơ sở sản xuất kinh doanh) and their representative,
 * written from the back-office screens as they work today. The printed guide for businesses
 * (server, guides/business-guide.ts) tells the same story on paper.
 */
export const BUSINESS_TOPIC_IDS = [
  'dang-ky-doanh-nghiep',
  'lap-va-nop-ho-so',
  'nhap-danh-sach-tu-excel',
  'ma-qr-cua-don-vi',
  'cap-va-in-giay',
  'thu-hoi',
  'trach-nhiem-thu-truong',
  'khong-co-ngo-cut',
] as const;
export type BusinessTopicId = (typeof BUSINESS_TOPIC_IDS)[number];

const REP = ['business_rep'] as const;

export const BUSINESS_TOPICS: readonly HelpTopic<BusinessTopicId>[] = [
  {
    id: 'dang-ky-doanh-nghiep',
    title: 'Đăng ký doanh nghiệp',
    roles: REP,
    summary: 'Tạo tài khoản cho doanh nghiệp để nộp hồ sơ và cấp giấy đi đường.',
    blocks: [
      {
        steps: [
          'Ở trang đăng nhập, bấm **Đăng ký doanh nghiệp**.',
          'Điền **Mã số thuế** (10 chữ số; chi nhánh thêm -XXX), tên doanh nghiệp, **Địa chỉ**, chọn **Phường/xã nơi hoạt động**, **Ngành nghề kinh doanh**, **Người liên hệ**, **Số điện thoại di động** và **Thư điện tử** (nhận thư báo khi hồ sơ được nộp, trả lại, phê duyệt).',
          'Phần **Tài khoản của người đại diện**: họ tên, tên đăng nhập và mật khẩu của người sẽ nộp hồ sơ và cấp giấy.',
          'Bấm **Gửi đăng ký**. Trang **Đơn vị của tôi** hiện **Chờ UBND phường tiếp nhận** cho tới khi Bộ phận Một cửa kiểm tra và tiếp nhận.',
        ],
      },
      {
        note: 'Doanh nghiệp gửi hồ sơ giấy qua thư điện tử, bưu điện hoặc nộp trực tiếp thì không cần tự đăng ký: Bộ phận Một cửa nhập hồ sơ và có thể tạo tài khoản cho người đại diện.',
      },
      { pdf: 'business' },
      { see: ['lap-va-nop-ho-so'] },
    ],
  },
  {
    id: 'lap-va-nop-ho-so',
    title: 'Lập và nộp hồ sơ',
    roles: REP,
    summary: 'Hồ sơ gồm kế hoạch, phương án phòng chống dịch và danh sách người lao động cần đi lại.',
    blocks: [
      {
        steps: [
          'Trên **Đơn vị của tôi**, bấm **Lập hồ sơ đăng ký**; chọn kỳ kế hoạch (**Từ ngày**, **Đến ngày**), bấm **Tạo hồ sơ nháp**.',
          'Mục **Kế hoạch, phương án phòng chống dịch**: kéo thả hoặc **Chọn tệp** bản chụp hoặc bản quét có chữ ký, đóng dấu (PDF, JPEG, PNG, tối đa 10 MB mỗi tệp).',
          'Mục **Nhập danh sách người lao động từ tệp**: tải tệp mẫu, điền, tải lên (xem hướng dẫn riêng). Có thể **Thêm một người**, sửa hoặc xóa từng người.',
          'Bấm **Nộp hồ sơ**. Hồ sơ chuyển sang **Đã nộp, chờ Trạm Y tế xác nhận**; sau khi nộp không sửa được nữa, trừ khi bị trả lại.',
        ],
      },
      { h: 'Sau khi nộp', id: 'sau-khi-nop' },
      {
        list: [
          'Trạm Y tế phường xác nhận phương án, rồi UBND phường phê duyệt, trong thời hạn của phường (mặc định **3 ngày** kể từ khi nộp).',
          'Theo dõi ở **Hồ sơ của đơn vị** và **Lịch sử xử lý** trong từng hồ sơ; thư báo được gửi tới thư điện tử của doanh nghiệp.',
          'Hồ sơ **Trả lại để bổ sung**: lý do hiện ở đầu hồ sơ. Sửa tệp hoặc danh sách theo lý do rồi bấm **Nộp hồ sơ** lần nữa; thời hạn được tính lại từ lần nộp mới.',
          'Hồ sơ **Từ chối**: không nộp lại được; đọc lý do, lập hồ sơ mới nếu cần.',
          'Hồ sơ **Đã phê duyệt**: đơn vị nhận **mã QR của đơn vị** và được cấp giấy đi đường cho người trong danh sách.',
        ],
      },
      { see: ['nhap-danh-sach-tu-excel', 'ma-qr-cua-don-vi', 'cap-va-in-giay'] },
    ],
  },
  {
    id: 'nhap-danh-sach-tu-excel',
    title: 'Nhập danh sách người lao động từ Excel',
    roles: [...REP, 'ward_officer'],
    summary: 'Điền tệp mẫu, tải lên, sửa các dòng hệ thống chỉ ra.',
    blocks: [
      {
        steps: [
          'Trong hồ sơ, mục **Nhập danh sách người lao động từ tệp**, bấm **Tải tệp mẫu Excel (.xlsx)** (hoặc CSV).',
          'Điền mỗi người một dòng, từ dòng 2, giữ nguyên dòng tiêu đề: **Họ và tên**, **Loại giấy tờ** (CCCD, CMND hoặc Hộ chiếu), **Số giấy tờ**, **Ngày sinh** (ngày/tháng/năm), **Nơi ở**, **Lộ trình: đi từ**, **Lộ trình: đến**, **Ngày làm việc** (ví dụ T2-T7, T2,T4,T6, Hằng ngày), **Giờ bắt đầu**, **Giờ kết thúc** (ví dụ 07:30); không bắt buộc: **Chức vụ**, **Số điện thoại**, **Mã phường/xã nơi ở**, **Nơi làm việc**, **Mã phường/xã trên lộ trình** (mã 5 chữ số, cách nhau bằng dấu phẩy).',
          'Kéo thả tệp vào khung hoặc **Chọn tệp** (.xlsx hoặc .csv UTF-8, tối đa 10 MB). Hệ thống kiểm tra từng dòng.',
          'Tệp không có lỗi: danh sách được lưu, thay cho danh sách cũ của hồ sơ.',
          'Tệp có lỗi: chưa lưu gì. Bảng kết quả chỉ rõ **Dòng**, **Cột** và điều **Cần sửa**. Sửa trong tệp rồi tải lên lại; hoặc bấm **Chỉ giữ … dòng hợp lệ**, rồi bấm **Sửa dòng …** để sửa từng dòng lỗi ngay trên trang.',
        ],
      },
      { h: 'Lỗi thường gặp', id: 'loi' },
      {
        list: [
          'Số CCCD mất số 0 ở đầu vì ô được định dạng số: định dạng cột **Số giấy tờ** là Văn bản (Text).',
          'Số CCCD không khớp năm sinh: kiểm tra lại ngày sinh và số giấy tờ.',
          'Một người ghi hai lần: dòng sau bị báo trùng.',
          'Giờ kết thúc trước giờ bắt đầu, hoặc ngày làm việc viết sai (dùng T2…T7, CN).',
          'Người đã có trong danh sách đã duyệt của doanh nghiệp khác: chỉ là lưu ý, không chặn lưu.',
        ],
      },
      {
        note: 'Thiếu **Mã phường/xã trên lộ trình** thì chốt kiểm soát không kiểm tra được lộ trình của người đó: nên điền.',
      },
    ],
  },
  {
    id: 'ma-qr-cua-don-vi',
    title: 'Mã QR của đơn vị và giấy xác nhận',
    roles: [...REP, 'ward_officer'],
    summary: 'Mã QR của đơn vị khác mã QR trên giấy đi đường: mỗi thứ dùng vào việc gì.',
    blocks: [
      {
        p: 'Khi hồ sơ đăng ký được phê duyệt, UBND phường cấp cho đơn vị **mã QR của đơn vị**, in trên **giấy xác nhận của UBND phường** (PDF khổ A4: kế hoạch, danh sách người lao động đã duyệt, mã QR). Trang **Đơn vị của tôi** ghi số phê duyệt, thời hạn, số người trong danh sách và nút **Tải giấy xác nhận của UBND phường (PDF)**.',
      },
      {
        list: [
          '**Mã QR của đơn vị**: chứng minh đơn vị đã được phê duyệt. Cán bộ tại chốt quét mã này để xem trạng thái đơn vị và tra một người có trong danh sách hay không. Không dùng thay giấy đi đường.',
          '**Mã QR trên giấy đi đường**: mỗi giấy một mã riêng, do hệ thống ký khi cấp, chứa họ tên, số giấy tờ, lộ trình, thời gian làm việc và thời hạn của đúng người đó. Hệ thống in sẵn mã ở góc dưới bên trái giấy.',
        ],
      },
      {
        note: 'Không dán mã QR của đơn vị lên giấy đi đường, không chụp lại mã của người này cho người khác: tại chốt, mã sai người sẽ lộ ngay khi đối chiếu CCCD.',
        tone: 'warn',
      },
      {
        p: 'Trang **Đơn vị của tôi** hiện luôn mã QR của đơn vị; nút **Tải ảnh mã QR (PNG)** tải ảnh để in, dán tại cổng hoặc gửi cho chốt kiểm soát. Ảnh là đúng mã đã được UBND phường ký, không phải một bản sao chụp.',
      },
      {
        p: 'Khi đơn vị bị tạm dừng hoạt động, mã QR của đơn vị và mọi giấy đi đường bị thu hồi; khi được hoạt động trở lại, đơn vị nhận mã QR mới.',
      },
      { see: ['cap-va-in-giay'] },
    ],
  },
  {
    id: 'cap-va-in-giay',
    title: 'Cấp và in giấy đi đường',
    roles: REP,
    summary: 'Cấp giấy cho người trong danh sách đã duyệt, in theo mẫu của Thành phố (A5 hoặc hai giấy trên A4).',
    blocks: [
      { h: 'Cấp giấy', id: 'cap' },
      {
        steps: [
          'Mở **Cấp giấy đi đường**. Bảng chỉ có người trong danh sách người lao động đã được UBND phường phê duyệt.',
          'Tìm người (gõ không dấu cũng được) và đánh dấu; **Chọn tất cả** chọn mọi người đang hiện.',
          'Thời hạn: để trống thì giấy có giá trị từ hôm nay đến hết kỳ kế hoạch đã duyệt (tối đa 92 ngày). **Lý do**: để trống thì là "Đi làm việc tại đơn vị".',
          'Bấm **Cấp giấy đi đường cho … người**. Mỗi người nhận một số giấy (ví dụ 0125/GĐĐ) và một mã QR riêng.',
        ],
      },
      { h: 'In giấy', id: 'in' },
      {
        steps: [
          'Ngay sau khi cấp: **In … giấy vừa cấp**. Về sau: mục **Giấy đi đường**, chọn giấy rồi **In … giấy đã chọn**, hoặc **In tất cả giấy còn hiệu lực**; **Tải PDF** in một giấy.',
          'Chọn khổ: **A5, mỗi trang một giấy**, hoặc **A4, mỗi trang hai giấy** (cắt đôi tờ A4 theo đường nét đứt, mỗi nửa là một giấy A5 đủ cỡ).',
          'Thanh tiến độ chạy trong lúc tạo tệp; xong thì **Tải tệp PDF** hoặc **Mở để in**.',
          'Khi in, chọn cỡ **Thực tế** (100%), không chọn "Vừa trang" để mã QR giữ đúng cỡ 48 mm; in đen trắng là đủ.',
          'Thủ trưởng đơn vị ký, ghi rõ họ tên và đóng dấu ở góc dưới bên phải, rồi giao giấy cho người lao động.',
        ],
      },
      {
        p: 'Giấy in đúng mẫu giấy đi đường của Thành phố: đầu giấy tên đơn vị và số giấy, quốc hiệu, ngày cấp; giữa giấy là người được cấp, giấy tờ tùy thân, chức vụ, nơi làm việc, nơi ở, lý do, lộ trình, thời gian làm việc, thời hạn; **mã QR ở góc dưới bên trái** (48 mm, kèm dòng "Quét mã QR…"), chữ ký và dấu ở góc dưới bên phải.',
      },
      {
        note: 'Không viết, dán hay đóng dấu đè lên mã QR; không sửa tay nội dung giấy. Giấy sai thông tin thì thu hồi và cấp giấy mới.',
        tone: 'warn',
      },
      { pdf: 'business' },
      { see: ['thu-hoi', 'trach-nhiem-thu-truong'] },
    ],
  },
  {
    id: 'thu-hoi',
    title: 'Thu hồi giấy, rút hoặc bổ sung người lao động',
    roles: REP,
    summary: 'Thu hồi một giấy, rút người khỏi danh sách, bổ sung người mới.',
    blocks: [
      { h: 'Thu hồi một giấy', id: 'thu-hoi-giay' },
      {
        steps: [
          'Mở **Giấy đi đường**, tìm giấy (theo họ tên, số giấy tờ hoặc số giấy).',
          'Bấm **Thu hồi** ở dòng của giấy, ghi lý do (ví dụ mất giấy, sai thông tin, người nghỉ việc), bấm **Thu hồi**.',
        ],
      },
      {
        p: 'Có hiệu lực ngay: giấy vào danh sách thu hồi; tại chốt, giấy đó báo **ĐÃ BỊ THU HỒI** khi máy của chốt cập nhật danh sách. Thu hồi không hoàn tác được: cần thì cấp giấy mới (số mới).',
      },
      { h: 'Rút người khỏi danh sách', id: 'rut-nguoi' },
      {
        p: 'Mục **Danh sách người lao động**: bấm **Rút khỏi danh sách** và ghi lý do. Có hiệu lực ngay: người đó không còn được cấp giấy và mọi giấy đi đường của họ bị thu hồi.',
      },
      { h: 'Bổ sung người lao động', id: 'bo-sung' },
      {
        p: 'Bấm **Bổ sung người lao động**, lập hồ sơ bổ sung với danh sách người mới rồi nộp. Hồ sơ bổ sung qua Trạm Y tế và UBND phường như hồ sơ đăng ký; được phê duyệt thì người mới được thêm vào danh sách và được cấp giấy.',
      },
      { see: ['trach-nhiem-thu-truong'] },
    ],
  },
  {
    id: 'trach-nhiem-thu-truong',
    title: 'Trách nhiệm của thủ trưởng đơn vị',
    roles: REP,
    summary: 'Thủ trưởng đơn vị ký giấy đi đường và chịu trách nhiệm về mọi giấy đã cấp.',
    blocks: [
      {
        list: [
          'Chỉ cấp giấy đi đường cho **người có tên trong danh sách người lao động đã được UBND phường phê duyệt**. Hệ thống không cho cấp cho người ngoài danh sách.',
          'Bảo đảm người lao động đi **đúng lộ trình đã đăng ký** và trong thời gian làm việc đã đăng ký. Chốt kiểm soát thấy và ghi lại khi một giấy được quét ngoài lộ trình.',
          'Chịu trách nhiệm về mọi giấy đi đường đã cấp; thu hồi ngay giấy của người nghỉ việc, mất giấy hoặc không còn cần đi lại.',
          'Thực hiện đúng kế hoạch, phương án phòng chống dịch đã được xác nhận. Mọi lượt quét tại chốt được ghi lại để UBND phường hậu kiểm.',
        ],
      },
      { pdf: 'business' },
    ],
  },
  {
    id: 'khong-co-ngo-cut',
    title: 'Sửa thông tin, xóa hồ sơ nháp, đăng ký lại',
    roles: REP,
    summary: 'Sửa thông tin doanh nghiệp, xóa hồ sơ chưa nộp, làm lại khi đăng ký hoặc hồ sơ không được chấp nhận.',
    blocks: [
      { h: 'Sửa thông tin doanh nghiệp', id: 'sua-thong-tin' },
      {
        steps: [
          'Mở **Đơn vị của tôi**, bấm **Sửa thông tin**.',
          'Sửa rồi bấm **Lưu thay đổi**. **Người liên hệ**, **điện thoại** và **e-mail** có hiệu lực ngay.',
          '**Tên**, **địa chỉ** và **ngành nghề** do UBND phường xác nhận: hệ thống gửi **đề nghị thay đổi** cho Bộ phận Một cửa. Trong lúc chờ, trang hiện bảng "thông tin hiện tại – thông tin đề nghị"; thông tin cũ vẫn được dùng.',
        ],
      },
      {
        note: 'Mỗi lúc chỉ có một đề nghị chờ duyệt. Nếu phường không duyệt, trang ghi lý do; sửa theo lý do rồi gửi đề nghị mới. Mã số thuế không sửa được: doanh nghiệp giữ mã số thuế suốt đời, mã số thuế khác là một doanh nghiệp khác (đăng ký mới).',
      },
      { h: 'Chuyển trụ sở sang phường khác', id: 'chuyen-phuong' },
      {
        steps: [
          'Mở **Đơn vị của tôi**, bấm **Chuyển sang phường khác**.',
          'Chọn tỉnh/thành phố, quận/huyện, **phường mới**, nhập **địa chỉ trụ sở mới**, đọc phần cảnh báo rồi bấm **Gửi đề nghị chuyển phường**.',
          '**UBND phường mới** duyệt (vì từ đó phường mới quản lý doanh nghiệp). Trong lúc chờ, doanh nghiệp vẫn thuộc phường cũ.',
          'Khi được duyệt: mã QR của đơn vị do phường cũ cấp bị thu hồi; lập hồ sơ mới (kế hoạch và danh sách người lao động) gửi phường mới phê duyệt rồi mới cấp giấy đi đường mới. Giấy đã cấp vẫn có hiệu lực đến hết hạn.',
        ],
      },
      {
        note: 'Không gửi được đề nghị chuyển phường khi còn hồ sơ đang xử lý (đã nộp, chờ ký, bị trả lại) hoặc hồ sơ bổ sung nháp: chờ hồ sơ có kết quả, hoặc xóa hồ sơ bổ sung nháp.',
      },
      { h: 'Xóa hồ sơ nháp', id: 'xoa-nhap' },
      {
        p: 'Hồ sơ **Nháp** (chưa nộp) lập nhầm thì mở hồ sơ, bấm **Xóa hồ sơ nháp**: hồ sơ, danh sách người lao động và các tệp của nó bị xóa hẳn. Hồ sơ đã nộp không xóa được.',
      },
      { h: 'Đăng ký không được tiếp nhận', id: 'dang-ky-lai' },
      {
        p: 'Trang **Đơn vị của tôi** ghi lý do. Sửa thông tin theo lý do trong khung **Đăng ký lại** rồi bấm **Gửi lại đăng ký**: đăng ký trở về **Chờ UBND phường tiếp nhận**.',
      },
      { h: 'Hồ sơ bị từ chối', id: 'ho-so-bi-tu-choi' },
      {
        p: 'Hồ sơ **Từ chối** không nộp lại được, nhưng không phải ngõ cụt: mở hồ sơ, bấm **Sao chép thành hồ sơ mới**. Hệ thống tạo hồ sơ nháp mới với cùng kỳ kế hoạch, các tệp và danh sách người lao động; sửa theo lý do từ chối rồi nộp. Nếu phường thấy đã từ chối nhầm, phường có thể **hủy quyết định từ chối**; doanh nghiệp nhận e-mail.',
      },
      { see: ['lap-va-nop-ho-so', 'dang-ky-doanh-nghiep'] },
    ],
  },
];
