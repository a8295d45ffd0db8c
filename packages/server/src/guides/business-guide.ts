import { checkpointGuide } from '@thonghanh/core';
import { rgb } from 'pdf-lib';
import { A5_H, A5_W, MM, qrBlock } from '../pdf/permit-form.js';
import { fastQrMatrix } from '../qr/fast-matrix.js';
import { caption, signDrawable } from './draw-signs.js';
import { type GuideContext, inSentence } from './guide-context.js';
import { CONTENT_W, GuideDoc, hex } from './guide-layout.js';
import { deskFacts, flow, legend, marker, sideBySide, titleBlock } from './guide-parts.js';
import { samplePermitData, samplePermitPdf } from './sample-permit.js';

export const BUSINESS_GUIDE_TITLE = 'Hướng dẫn cho doanh nghiệp';

/**
 * The guide the ward sends to businesses (e-mail, Zalo, print): how the unit's QR code and the
 * permits work, how to issue and print them on the city's form and where the QR code sits on
 * it (pictured with a sample page from the real renderer), what the head of the unit answers
 * for, how to revoke. A4, filled with the ward's name and settings.
 */
export async function renderBusinessGuide(ctx: GuideContext): Promise<Uint8Array> {
  const ward = `UBND ${inSentence(ctx.ward.wardName)}`;
  const g = await GuideDoc.create({
    title: `${BUSINESS_GUIDE_TITLE} – ${ward}`,
    headerLeft: ward,
    headerRight: BUSINESS_GUIDE_TITLE,
  });
  const f = g.fonts;
  titleBlock(
    g,
    ctx,
    'HƯỚNG DẪN CHO DOANH NGHIỆP',
    'Mã QR của đơn vị và giấy đi đường có mã QR: đăng ký, cấp, in và thu hồi',
    deskFacts(ctx),
  );
  g.paragraph(
    `Doanh nghiệp, cơ sở sản xuất kinh doanh được hoạt động cấp giấy đi đường cho người lao động của mình theo mẫu của Thành phố. Mỗi giấy có một **mã QR do ${ward} ký số**: tại chốt kiểm soát, cán bộ quét mã bằng điện thoại và biết ngay giấy thật hay giả, còn hiệu lực hay đã bị thu hồi, không cần mạng, không phải chờ quảng cáo.`,
  );

  g.heading('1. Các bước, một lần cho mỗi đơn vị');
  g.place(
    flow(
      f,
      [
        'Đăng ký doanh nghiệp',
        'Nộp hồ sơ',
        'Trạm Y tế phường xác nhận',
        `${ward} phê duyệt`,
        'Cấp và in giấy đi đường',
      ],
      CONTENT_W,
    ),
  );
  g.list(
    [
      `**Đăng ký doanh nghiệp**: vào ${ctx.publicUrl}, bấm **Đăng ký doanh nghiệp**, điền mã số thuế, thông tin đơn vị và tài khoản của người đại diện. Bộ phận Một cửa kiểm tra và tiếp nhận.`,
      '**Nộp hồ sơ**: kế hoạch, phương án phòng chống dịch (bản quét có chữ ký, đóng dấu) và **danh sách người lao động cần đi lại** (tệp Excel theo mẫu tải trên hệ thống: họ tên, giấy tờ tùy thân, lộ trình, thời gian làm việc). Có thể nộp trực tuyến, gửi thư điện tử, gửi bưu điện hoặc nộp trực tiếp tại Bộ phận Một cửa.',
      `**Trạm Y tế phường** xác nhận phương án, rồi **${ward}** phê duyệt kế hoạch kèm danh sách, trong **${ctx.dueDays} ngày** kể từ khi nộp. Hồ sơ bị trả lại thì sửa theo lý do rồi nộp lại.`,
      'Khi được phê duyệt, đơn vị nhận **mã QR của đơn vị** và **giấy xác nhận** của UBND phường (tải trên trang **Đơn vị của tôi**), và bắt đầu cấp giấy đi đường.',
    ],
    true,
  );

  g.heading('2. Mã QR của đơn vị và mã QR trên giấy đi đường');
  const qrBoxes = sideBySide(
    f,
    [
      {
        title: 'Mã QR của đơn vị',
        lines: [
          'In trên giấy xác nhận của UBND phường, một mã cho cả đơn vị.',
          'Chứng minh đơn vị đã được phê duyệt; cho cán bộ tại chốt tra một người có trong danh sách của đơn vị hay không.',
          '**Không** dùng thay giấy đi đường, **không** dán lên giấy đi đường.',
        ],
      },
      {
        title: 'Mã QR trên giấy đi đường',
        lines: [
          'Mỗi giấy một mã riêng, hệ thống ký khi cấp và in sẵn ở góc dưới bên trái giấy.',
          'Chứa họ tên, số giấy tờ, lộ trình, thời gian làm việc và thời hạn của đúng người đó.',
          'Sửa nội dung giấy hoặc dùng mã của người khác đều bị phát hiện tại chốt.',
        ],
      },
    ],
    CONTENT_W,
  );
  g.place(qrBoxes);

  g.heading('3. Cấp giấy đi đường');
  g.list(
    [
      'Đăng nhập, mở **Cấp giấy đi đường**. Bảng chỉ có người trong danh sách người lao động đã được UBND phường phê duyệt.',
      'Tìm và đánh dấu người cần cấp (**Chọn tất cả** để chọn mọi người đang hiện).',
      'Để trống thời hạn thì giấy có giá trị từ hôm nay đến hết kỳ kế hoạch đã duyệt (tối đa 92 ngày); để trống lý do thì là "Đi làm việc tại đơn vị".',
      `Bấm **Cấp giấy đi đường**. Mỗi người nhận một số giấy (ví dụ ${`0125/${ctx.serialSuffix}`}) và một mã QR riêng.`,
    ],
    true,
  );

  // 4. Printing, with the sample page.
  g.heading('4. In giấy đi đường, vị trí mã QR trên mẫu giấy', 1, 330);
  const sample = await samplePermitData(ctx);
  const [a5] = await g.doc.embedPdf(await samplePermitPdf(sample, 'A5'), [0]);
  const [a4] = await g.doc.embedPdf(await samplePermitPdf(sample, 'A4x2'), [0]);
  if (!a5 || !a4) throw new Error('mẫu giấy đi đường không có trang');
  const k = 0.62;
  const pw = A5_W * k;
  const ph = A5_H * k;
  const legendW = CONTENT_W - pw - 16;
  const items = [
    '**Tên đơn vị và số giấy** (ví dụ 0125/' + ctx.serialSuffix + '), quốc hiệu, nơi và ngày cấp.',
    '**Người được cấp**: họ tên, số CCCD/CMND/hộ chiếu, chức vụ, nơi làm việc, nơi ở, lý do.',
    '**Lộ trình, thời gian làm việc và thời hạn** đúng như danh sách đã đăng ký.',
    '**Mã QR** ở góc dưới bên trái, cỡ 48 mm, kèm dòng "Quét mã QR…". Hệ thống in sẵn: không che, không viết, không đóng dấu đè lên mã.',
    '**Thủ trưởng đơn vị** ký, ghi rõ họ tên và đóng dấu ở góc dưới bên phải.',
  ];
  const leg = legend(f, items, legendW);
  const cap = caption(
    f,
    `Mẫu giấy đi đường khổ A5 do hệ thống in (dữ liệu minh họa: mã QR của mẫu không có giá trị, quét sẽ báo "KHÔNG RÕ NƠI CẤP").`,
    pw,
  );
  g.block(Math.max(ph + 4 + cap.height, leg.height), (page, x, top) => {
    const y0 = top - ph;
    page.drawPage(a5, { x, y: y0, width: pw, height: ph });
    page.drawRectangle({ x, y: y0, width: pw, height: ph, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.8 });
    // Where the QR code is: its block (code, quiet zone, caption) outlined outside the quiet
    // zone, so that the pictured code still scans (and says KHÔNG RÕ NƠI CẤP).
    const block = qrBlock(fastQrMatrix(sample.qrText).size);
    const qx = x + block.x * k - 2;
    const qy = y0 + block.y * k - 2;
    const qw = block.width * k + 4;
    const qh = block.height * k + 4;
    const amber = hex('#d39e00');
    page.drawRectangle({
      x: qx,
      y: qy,
      width: qw,
      height: qh,
      borderColor: amber,
      borderWidth: 2,
      borderDashArray: [5, 3],
    });
    marker(page, f, 1, x + 10, top - 14);
    marker(page, f, 2, x + 10, top - 0.36 * ph);
    marker(page, f, 3, x + 10, top - 0.56 * ph);
    marker(page, f, 4, qx + qw, qy + qh);
    marker(page, f, 5, x + pw - 10, y0 + 0.33 * ph);
    cap.draw(page, x, y0 - 4);
    leg.draw(page, x + pw + 16, top);
  });

  g.heading('Khổ giấy và cách in', 2, 200);
  const tk = 0.24;
  const tw = 210 * MM * tk;
  const th = 297 * MM * tk;
  const tips = [
    'Chọn **A5, mỗi trang một giấy**, hoặc **A4, mỗi trang hai giấy**: cắt đôi tờ A4 theo đường nét đứt, mỗi nửa là một giấy A5 đủ cỡ.',
    'In nhiều giấy một lần: mục **Giấy đi đường**, chọn giấy rồi **In … giấy đã chọn**, hoặc **In tất cả giấy còn hiệu lực**. Chờ thanh tiến độ chạy xong rồi **Tải tệp PDF**.',
    'Trong hộp thoại in, chọn cỡ **Thực tế (100%)**, không chọn "Vừa trang", để mã QR giữ đúng 48 mm. In đen trắng là đủ; không in mờ, không thu nhỏ.',
    'Giấy in sai hoặc hỏng: không sửa tay; thu hồi giấy đó và cấp giấy mới.',
  ];
  const tipW = CONTENT_W - tw - 16;
  const tipLines = legend(f, tips, tipW);
  const cap2 = caption(f, 'A4, hai giấy trên một tờ', tw + 20);
  g.block(Math.max(th + cap2.height + 6, tipLines.height), (page, x, top) => {
    page.drawPage(a4, { x: x + 10, y: top - th, width: tw, height: th });
    page.drawRectangle({
      x: x + 10,
      y: top - th,
      width: tw,
      height: th,
      borderColor: rgb(0.4, 0.4, 0.4),
      borderWidth: 0.8,
    });
    cap2.draw(page, x, top - th - 4);
    tipLines.draw(page, x + tw + 26, top);
  });

  g.heading('5. Trách nhiệm của thủ trưởng đơn vị');
  g.list(
    [
      'Chỉ cấp giấy đi đường cho **người có tên trong danh sách người lao động đã được UBND phường phê duyệt**; tuyệt đối không cấp cho người ngoài danh sách (hệ thống cũng không cho cấp).',
      'Bảo đảm người lao động đi **đúng lộ trình đã đăng ký**, trong thời gian làm việc đã đăng ký. Mỗi lượt quét tại chốt được ghi lại; giấy quét ngoài lộ trình được báo và ghi nhận để hậu kiểm.',
      'Chịu trách nhiệm về **mọi giấy đi đường đã cấp**; thu hồi ngay giấy của người nghỉ việc, mất giấy hoặc không còn cần đi lại.',
      'Thực hiện đúng kế hoạch, phương án phòng chống dịch đã được Trạm Y tế xác nhận và UBND phường phê duyệt.',
    ],
    false,
  );

  g.heading('6. Thu hồi giấy, rút hoặc bổ sung người lao động');
  g.list(
    [
      '**Thu hồi một giấy**: mục **Giấy đi đường**, tìm giấy, bấm **Thu hồi**, ghi lý do (mất giấy, sai thông tin, người nghỉ việc…). Có hiệu lực ngay và không hoàn tác được; cần thì cấp giấy mới (số mới).',
      '**Rút người khỏi danh sách**: mục **Danh sách người lao động**, bấm **Rút khỏi danh sách**, ghi lý do. Người đó không còn được cấp giấy và mọi giấy của họ bị thu hồi.',
      '**Bổ sung người lao động**: lập **hồ sơ bổ sung** với danh sách người mới; hồ sơ qua Trạm Y tế và UBND phường như lần đầu.',
      'Khi đơn vị bị UBND phường **tạm dừng hoạt động**, mã QR của đơn vị và mọi giấy đi đường bị thu hồi.',
    ],
    false,
  );
  g.paragraph(
    'Giấy bị thu hồi được đưa vào danh sách thu hồi; điện thoại của chốt kiểm soát cập nhật danh sách này khi có mạng (mỗi 15 phút) và báo:',
  );
  const guide = checkpointGuide();
  const shown = ['valid', 'revoked', 'expired'].map((c) => guide.verdicts.find((e) => e.code === c));
  const colW = (CONTENT_W - 20) / 3;
  const signs = shown.map((e) => (e ? signDrawable(f, e.sign, colW, 0.85) : null));
  const sh = Math.max(...signs.map((s) => s?.height ?? 0));
  g.block(sh, (page, x, top) => {
    signs.forEach((s, i) => {
      s?.draw(page, x + i * (colW + 10), top);
    });
  });
  g.paragraph(
    'Người đi đường luôn mang theo giấy đi đường và CCCD (hoặc CMND, hộ chiếu): cán bộ tại chốt đối chiếu họ tên và số giấy tờ. Quét mã trên giấy bằng camera điện thoại hoặc Zalo cũng mở được trang kiểm tra của hệ thống.',
  );

  g.heading('7. Hỗ trợ', 2, 60);
  g.list(
    [
      `Hướng dẫn chi tiết từng bước có ngay trong hệ thống: bấm **Trợ giúp** hoặc dấu **?** cạnh tên mỗi màn hình (${ctx.publicUrl}/help).`,
      ctx.deskEmail
        ? `Liên hệ Bộ phận Một cửa ${ward}: ${ctx.deskEmail}.`
        : `Liên hệ Bộ phận Một cửa tại trụ sở ${ward}.`,
    ],
    false,
  );
  return g.save();
}
