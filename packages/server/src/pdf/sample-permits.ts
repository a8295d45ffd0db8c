import type { PermitPrintData } from './permit-print-data.js';
import type { ConfirmationStaff, UnitConfirmationData } from './unit-confirmation.js';

/**
 * Fictitious permits for tests, benchmarks and screenshots. Nguyễn Thị Quỳnh Anh is the
 * holder of the spec's reference permit; every other person is invented from the name lists
 * below. Real people, phones or e-mails never appear in demo data.
 */

/** The text of the spec's reference permit (packages/core/test/fixtures/permit-v1). */
export const REFERENCE_QR_TEXT =
  'https://giaydiduong.longbien.example/p1#5925521407457050020323875700653401712094597493139580040389144616555312719357543919664138474728473480222056528740332986404510309995283248020582860546506922403803659931922757664913802919937000007387581112811413222601933229240535111507011445343066676957102922952159318719320563538249085755457310766095494298081356488636472939314130048156396080138452574176018441582419913266067550786885013109024237299703983852566353824030657341663537106603000976635382059468245532742446152609069150786885012711619457199288828774095279538809524235029207105297986848316405161153741582924011824841530855066210234027119310756356890141863101076460952784022203244032362872152824011880088994515158573140421941498210778360864316403999719904293107563599094623445426770119410592310107646711189510908022127646669836984479590462259284819561898440691356378676973043506824776075319556073320278681459523061439127777802428551157544736832108368977680367064282799380432684818544688639432969345519378196237952908048053180752728089729803283995448187370226915365305262173437791639308982576291928008';

export const LEGAL_BASIS_HN =
  'Căn cứ Chỉ thị số 17/CT-UBND ngày 13/7/2021 của UBND Thành phố Hà Nội về việc thực hiện giãn cách xã hội trên địa bàn Thành phố,';

/** The spec's reference permit as printed. */
export const REFERENCE_PERMIT: PermitPrintData = {
  qrText: REFERENCE_QR_TEXT,
  serial: '0125/GĐĐ',
  unitName: 'Công ty TNHH Thực phẩm Đức Giang',
  unitAddress: 'Số 5 phố Đức Giang, Long Biên, Hà Nội',
  placeName: 'Hà Nội',
  issuedOn: '2021-08-15',
  holder: 'Nguyễn Thị Quỳnh Anh',
  idType: 'CCCD',
  idNumber: '001190012345',
  position: 'Công nhân',
  workplace: 'Công ty TNHH Thực phẩm Đức Giang, KCN Sài Đồng B, phường Thạch Bàn, Long Biên',
  residence: 'Số 12 ngõ 45 phố Ngọc Lâm, Long Biên, Hà Nội',
  purpose: 'Đi làm theo ca',
  routeFrom: 'Số 12 ngõ 45 phố Ngọc Lâm, Long Biên, Hà Nội',
  routeTo: 'KCN Sài Đồng B, phường Thạch Bàn, Long Biên',
  schedule: { days: [1, 2, 3, 4, 5, 6], start: '07:00', end: '17:30' },
  validFrom: '2021-08-16',
  validTo: '2021-09-06',
  signerTitle: 'Thủ trưởng đơn vị',
  signerName: 'Trần Văn Bình',
  legalBasis: LEGAL_BASIS_HN,
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Hữu', 'Ngọc', 'Thanh', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hà',
  'Khánh',
  'Linh',
  'Nam',
  'Phương',
  'Sơn',
  'Thảo',
  'Tuấn',
  'Yến',
  'Hưng',
  'Trang',
  'Lộc',
];
const STREETS = [
  'phố Ngọc Lâm',
  'phố Nguyễn Văn Cừ',
  'đường Ngô Gia Tự',
  'phố Đức Giang',
  'đường Nguyễn Sơn',
  'phố Bồ Đề',
];
const POSITIONS = ['Công nhân', 'Tổ trưởng sản xuất', 'Kỹ thuật viên', 'Nhân viên kho', 'Lái xe giao hàng'];

/** An invented person's name (names repeat after a while, as in real lists). */
export function sampleName(i: number): string {
  const f = i % FAMILY.length;
  const m = (i * 3 + Math.floor(i / FAMILY.length)) % MIDDLE.length;
  const g = (i * 7 + Math.floor(i / (FAMILY.length * MIDDLE.length))) % GIVEN.length;
  return `${FAMILY[f]} ${MIDDLE[m]} ${GIVEN[g]}`;
}

/**
 * The i-th sample permit of the reference unit (i = 0: the reference permit), with `qrText`
 * (default: for i > 0 the reference text with its last six digits replaced by i: the same
 * length and QR version, not a valid signature).
 */
export function samplePermit(i: number, qrText?: string): PermitPrintData {
  if (i === 0) return qrText === undefined ? REFERENCE_PERMIT : { ...REFERENCE_PERMIT, qrText };
  const serial = String(i + 1).padStart(4, '0');
  return {
    ...REFERENCE_PERMIT,
    qrText:
      qrText ?? (i === 0 ? REFERENCE_QR_TEXT : REFERENCE_QR_TEXT.slice(0, -6) + String(i % 1_000_000).padStart(6, '0')),
    serial: `${serial}/GĐĐ`,
    holder: i === 0 ? REFERENCE_PERMIT.holder : sampleName(i),
    idNumber: i === 0 ? REFERENCE_PERMIT.idNumber : `0011${String(90000000 + i).padStart(8, '0')}`,
    position: POSITIONS[i % POSITIONS.length] as string,
    residence: `Số ${(i % 97) + 1} ngõ ${(i % 60) + 2} ${STREETS[i % STREETS.length]}, Long Biên, Hà Nội`,
    routeFrom: `Số ${(i % 97) + 1} ngõ ${(i % 60) + 2} ${STREETS[i % STREETS.length]}, Long Biên, Hà Nội`,
  };
}

/** The unit credential of the spec's example vectors (packages/core/test/fixtures/permit-v1). */
export const UNIT_QR_TEXT =
  'https://giaydiduong.longbien.example/p1#59255214074570500203238757006534017120945974363084931338616180453677135637995366769131413094106262763936034407875238144017178541847429192252572490091904701978051601041159019780524562188800046290047180420813565994365892664006950642843454542902760722165460620345502015480251499300618538111304768925856831122747678261352292718289957371584106834084928417263843352795390567702971476782613522927182904043983414435909080221276466692067961046281884632399827693910535124841004839342430023106491817551986302152429539517922430975899805101623671621105641546282380737198113414339731287374248403632923017812125791476121582779003266058';

/** A ward confirmation of the reference unit with `staffCount` invented people. */
export function sampleConfirmation(staffCount: number): UnitConfirmationData {
  const staff: ConfirmationStaff[] = Array.from({ length: staffCount }, (_, i) => ({
    fullName: sampleName(i + 1),
    idType: i % 10 === 9 ? 'CMND' : 'CCCD',
    idNumber: i % 10 === 9 ? String(100000000 + i * 7) : `0011${String(90000000 + i * 13).padStart(8, '0')}`,
    position: i % 5 === 0 ? 'Tổ trưởng sản xuất' : 'Công nhân',
    routeFrom: `Số ${i + 1} ngõ ${40 + (i % 9)} phố Ngọc Lâm, Long Biên, Hà Nội`,
    routeTo: 'KCN Sài Đồng B, phường Thạch Bàn, Long Biên',
  }));
  return {
    wardName: 'Đức Giang',
    districtName: 'Long Biên',
    placeName: 'Long Biên',
    approvalRef: '85/XN-UBND',
    approvedOn: '2021-08-15',
    unit: {
      name: 'Công ty TNHH Thực phẩm Đức Giang',
      taxCode: '0100233488',
      address: 'Số 5 phố Đức Giang, phường Đức Giang, quận Long Biên, Hà Nội',
    },
    planPeriod: { from: '2021-08-16', to: '2021-09-15' },
    staff,
    unitQrText: UNIT_QR_TEXT,
    signerTitle: 'TM. Ủy ban nhân dân\nChủ tịch',
    signerName: 'Hoàng Minh Tuấn',
  };
}
