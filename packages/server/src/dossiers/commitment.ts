/**
 * What the business's representative commits to when submitting (ký cam kết). Stored with
 * each submission (the text as it was then), shown in the dossier and on the confirmation.
 */
export const COMMITMENT_TEXT =
  'Tôi cam kết những thông tin trong hồ sơ là đúng sự thật; đơn vị thực hiện đúng kế hoạch phòng, chống dịch đã đăng ký, ' +
  'chỉ cấp giấy đi đường cho người có tên trong danh sách được phê duyệt, theo đúng lộ trình đã đăng ký, ' +
  'và chịu trách nhiệm trước pháp luật về mọi giấy đi đường đã cấp.';
