import { checkpointGuide, type GuideEntry } from '@thonghanh/core';
import { MM } from '../pdf/permit-form.js';
import { formatDate } from '../pdf/permit-print-data.js';
import { REFERENCE_PERMIT } from '../pdf/sample-permits.js';
import { drawQr } from '../pdf/unit-confirmation.js';
import { phoneDrawable } from './draw-phone.js';
import { caption, entryCard } from './draw-signs.js';
import { type GuideContext, inSentence } from './guide-context.js';
import { CONTENT_W, type Drawable, GuideDoc } from './guide-layout.js';
import { legend, titleBlock } from './guide-parts.js';
import { SAMPLE_UNIT } from './sample-permit.js';

export const CHECKPOINT_GUIDE_TITLE = 'Hướng dẫn cho cán bộ tại chốt';

/**
 * The guide the ward sends to its checkpoint officers: how to install and open the app, scan a
 * permit, check the CCCD card, what every verdict, warning and state of the app means and what
 * to do next (core's checkpoint guide, drawn with the app's icons, colours and words), and what
 * to do offline. A4, filled with the ward's name and the app's address.
 */
export async function renderCheckpointGuide(ctx: GuideContext): Promise<Uint8Array> {
  const ward = `UBND ${inSentence(ctx.ward.wardName)}`;
  const appUrl = `${ctx.publicUrl}/checkpoint`;
  const g = await GuideDoc.create({
    title: `${CHECKPOINT_GUIDE_TITLE} – ${ward}`,
    headerLeft: ward,
    headerRight: CHECKPOINT_GUIDE_TITLE,
  });
  const f = g.fonts;
  const guide = checkpointGuide();
  const entry = (code: string): GuideEntry => {
    const e = [...guide.verdicts, ...guide.warnings, ...guide.states].find((x) => x.code === code);
    if (!e) throw new Error(`không có mục ${code} trong hướng dẫn tại chốt`);
    return e;
  };
  const cards = (codes: readonly string[]) => {
    for (const c of codes) g.place(entryCard(f, entry(c), CONTENT_W), 7);
  };

  titleBlock(
    g,
    ctx,
    'HƯỚNG DẪN CHO CÁN BỘ TẠI CHỐT KIỂM SOÁT',
    'Quét giấy đi đường có mã QR bằng ứng dụng tại chốt: không cần Zalo, không quảng cáo, chạy cả khi mất mạng',
    [
      `**Địa chỉ ứng dụng:** ${appUrl}`,
      `**Tài khoản:** tên đăng nhập và mật khẩu do Quản trị phường của ${ward} cấp`,
      `**Ngày lập tài liệu:** ${formatDate(ctx.today)}`,
    ],
  );

  // 1. The phone, once.
  g.heading('1. Chuẩn bị điện thoại (một lần, cần có mạng)', 1, 200);
  const qrSide = 34 * MM;
  const steps = legend(
    f,
    [
      `Mở trình duyệt (Chrome trên Android, Safari trên iPhone), vào **${appUrl}**, hoặc quét mã QR bên cạnh bằng camera điện thoại.`,
      'Nhập **Tên đăng nhập**, **Mật khẩu**, bấm **Đăng nhập**. Mỗi máy chỉ đăng nhập một lần.',
      'Chọn **chốt đang làm nhiệm vụ**: lộ trình trên giấy được đối chiếu với phường của chốt.',
      'Trình duyệt hỏi dùng camera: bấm **Cho phép**.',
      'Đưa ra màn hình chính: trên Chrome bấm trình đơn (ba chấm) rồi **Thêm vào màn hình chính**; trên Safari bấm nút Chia sẻ rồi **Thêm vào MH chính**. Những lần sau chỉ cần mở biểu tượng **Chốt kiểm soát**, kể cả khi mất mạng.',
    ],
    CONTENT_W - qrSide - 20,
  );
  const qrCap = caption(f, 'Quét để mở ứng dụng tại chốt', qrSide + 10);
  g.block(Math.max(steps.height, qrSide + qrCap.height + 4), (page, x, top) => {
    steps.draw(page, x, top);
    const qx = x + CONTENT_W - qrSide;
    drawQr(page, appUrl, qx, top, qrSide);
    qrCap.draw(page, qx - 5, top - qrSide - 2);
  });
  g.note(
    'Không bật được camera: cho phép camera cho trang này trong cài đặt của trình duyệt rồi bấm **Bật camera**; trình duyệt không dùng được camera thì dùng **Nhập tay** và báo Quản trị phường.',
  );

  // 2. Scanning, with pictures of the screen.
  g.heading('2. Quét giấy đi đường', 1, 160);
  g.list(
    [
      'Người đi đường xuất trình **giấy đi đường** và **CCCD** (hoặc CMND, hộ chiếu).',
      'Đưa **mã QR ở góc dưới bên trái giấy** vào khung trắng trên màn hình, cách 15–25 cm. Không cần bấm gì: kết luận hiện ngay, kèm âm thanh và rung.',
      'Đọc dòng kết luận lớn: **HỢP LỆ** trên nền xanh, hoặc **KHÔNG HỢP LỆ** trên nền đỏ kèm lý do (xem mục 4). Bấm **? Ý nghĩa kết luận** để đọc hướng dẫn ngay trong ứng dụng.',
      'Giấy hợp lệ: đối chiếu CCCD (mục 3), đọc các dòng cảnh báo màu vàng nếu có.',
      'Bấm **Quét tiếp** cho người sau.',
    ],
    true,
  );
  g.paragraph(
    'Âm thanh: một tiếng bíp cao là hợp lệ; hai tiếng trầm dần là hợp lệ nhưng có cảnh báo (hoặc CCCD không khớp); ba tiếng rè trầm là không hợp lệ.',
  );
  const details: Array<[string, string]> = [
    ['Họ và tên', REFERENCE_PERMIT.holder],
    ['CCCD', REFERENCE_PERMIT.idNumber],
    ['Đơn vị', `${SAMPLE_UNIT} (MST 0100233488)`],
    ['Lộ trình', 'Số 12 ngõ 45 phố Ngọc Lâm → KCN Sài Đồng B'],
    ['Thời gian làm việc', 'T2–T7, 07:00–17:30'],
    ['Số giấy', `0125/${ctx.serialSuffix}`],
  ];
  const phoneW = 64 * MM;
  const phones: Array<{ phone: Drawable; cap: Drawable }> = [
    {
      phone: phoneDrawable(
        f,
        {
          checkpointName: 'Chốt cầu Chui',
          verdict: entry('valid').sign,
          below: [entry('scan_card_hint').sign],
          details,
        },
        phoneW,
      ),
      cap: caption(f, 'Giấy hợp lệ: đối chiếu CCCD rồi cho qua.', phoneW),
    },
    {
      phone: phoneDrawable(
        f,
        { checkpointName: 'Chốt cầu Chui', verdict: entry('revoked').sign, below: [], details },
        phoneW,
      ),
      cap: caption(f, 'Giấy đã bị thu hồi: không cho qua.', phoneW),
    },
  ];
  const gap = (CONTENT_W - 2 * phoneW) / 3;
  const rowH = Math.max(...phones.map((p) => p.phone.height + 4 + p.cap.height));
  g.block(rowH, (page, x, top) => {
    phones.forEach((p, i) => {
      const px = x + gap + i * (phoneW + gap);
      p.phone.draw(page, px, top);
      p.cap.draw(page, px, top - p.phone.height - 4);
    });
  });

  g.heading('3. Đối chiếu CCCD', 1, 160);
  g.paragraph(
    'Kết luận **HỢP LỆ** chứng minh tờ giấy; cần đối chiếu giấy tờ tùy thân để chắc đúng người. Cách nhanh nhất: đưa **mã QR ở mặt trước thẻ CCCD gắn chip** vào camera, trước hoặc sau khi quét giấy (quét thẻ trước thì giấy quét trong 2 phút sau được đối chiếu). CMND cũ, hộ chiếu: so họ tên và số giấy tờ bằng mắt.',
  );
  cards(['identity_match', 'identity_mismatch_notice']);

  g.heading('4. Ý nghĩa từng kết luận', 1, 160);
  g.paragraph(
    // The font has no ✓ ✕ glyphs: the signs below draw them; the text names them.
    'Kết luận luôn có biểu tượng và chữ, không chỉ có màu: **dấu tích** trên nền xanh là hợp lệ, **dấu nhân** trên nền đỏ là không hợp lệ (dòng thứ hai nói lý do), **dấu hỏi** trên nền xám là chưa xác minh được. Mỗi ô dưới đây: bên trái là đúng những gì màn hình hiện, bên phải là ý nghĩa và việc cần làm.',
  );
  cards(guide.verdicts.map((e) => e.code));
  g.heading('Chưa xác minh được (khác với không hợp lệ)', 2, 120);
  cards(['cannot_verify']);
  g.heading('Cảnh báo dưới kết luận hợp lệ', 2, 120);
  cards(guide.warnings.map((e) => e.code));
  g.heading('Giấy hợp lệ nhưng đơn vị hoặc người không còn trong danh sách', 2, 120);
  cards(['scan_card_hint', 'unit_suspended', 'not_on_staff_list']);

  g.heading('5. Mã QR của đơn vị và kiểm tra người lao động', 1, 160);
  g.paragraph(
    'Mã QR của đơn vị in trên giấy xác nhận của UBND phường. Quét mã này để biết đơn vị đã được phê duyệt và đang hoạt động; ở ô **Kiểm tra người lao động** nhập số CCCD/CMND/hộ chiếu (hoặc quét thẻ CCCD) để biết một người có trong danh sách của đơn vị không. Mã QR của đơn vị không thay cho giấy đi đường.',
  );
  cards(['unit_qr', 'staff_found', 'staff_not_found']);

  g.heading('6. Nhập tay khi mã hỏng', 1, 160);
  g.paragraph(
    'Bấm **Nhập tay**, nhập số giấy (ví dụ 0125/' +
      ctx.serialSuffix +
      ' hoặc chỉ 0125) hoặc số CCCD/CMND/hộ chiếu, bấm **Tra cứu**. Ứng dụng tra trong danh sách khu vực đã tải về máy. Tra cứu không thay cho chữ ký số: chỉ cho biết đơn vị đã đăng ký người này.',
  );
  cards(['manual_found', 'manual_unit_suspended', 'manual_not_found']);

  g.heading('7. Khi mất mạng', 1, 160);
  g.list(
    [
      'Ứng dụng vẫn quét và kết luận bằng các danh sách đã lưu trên máy (danh sách tin cậy, danh sách thu hồi, danh sách khu vực); đầu màn hình ghi tuổi của từng danh sách.',
      'Nhật ký quét được giữ trên máy và tự gửi về UBND phường khi có mạng, mỗi lượt đúng một lần.',
      'Đầu ca, khi còn mạng, mở ứng dụng một lần để danh sách được cập nhật. Lần đăng nhập đầu tiên trên một máy luôn cần mạng.',
      'Máy chưa từng tải danh sách tin cậy thì báo **KHÔNG THỂ XÁC MINH**: bật mạng, kiểm tra giấy tờ tùy thân, dùng **Nhập tay**.',
    ],
    false,
  );
  cards(['offline', 'list_age_stale', 'scans_waiting']);

  g.heading('8. Cài đặt và hỗ trợ', 1, 100);
  g.list(
    [
      '**Cài đặt**: giới hạn cảnh báo danh sách cũ (mặc định 24 giờ), bật/tắt âm thanh, **Cập nhật danh sách ngay**, **Gửi nhật ký quét ngay**, **Đổi chốt kiểm soát**, **Đăng xuất** (lượt quét chưa gửi vẫn được giữ).',
      '**Nhật ký**: 50 lượt quét gần nhất trên máy, đã gửi hay chờ gửi.',
      'Hướng dẫn này có sẵn trong ứng dụng, kể cả khi mất mạng: bấm **?** ở đầu màn hình.',
      `Cần hỗ trợ: liên hệ Quản trị phường của ${ward}${ctx.deskEmail ? ` (hộp thư Bộ phận Một cửa: ${ctx.deskEmail})` : ''}.`,
    ],
    false,
  );
  return g.save();
}
