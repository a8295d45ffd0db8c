/**
 * Every failure the API reports has a stable code. This table is the one place that maps a
 * code to its HTTP status and its Vietnamese message; add a line here for a new failure.
 * Plain data, no zod: the checkpoint app and the back office import it without the schemas.
 */
export const ERRORS = {
  validation_failed: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  bad_request: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  invalid_characters: {
    status: 400,
    message: 'Dữ liệu gửi lên có ký tự không hợp lệ (ký tự điều khiển hoặc mã Unicode hỏng).',
  },
  request_incomplete: {
    status: 400,
    message: 'Yêu cầu bị cắt ngang hoặc sai định dạng HTTP. Hãy gửi lại.',
  },
  upload_incomplete: {
    status: 400,
    message: 'Tệp tải lên bị cắt ngang hoặc gửi sai định dạng. Hãy tải lên lại.',
  },
  wrong_current_password: { status: 400, message: 'Mật khẩu hiện tại không đúng.' },
  unauthenticated: { status: 401, message: 'Bạn cần đăng nhập để tiếp tục.' },
  session_expired: { status: 401, message: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.' },
  invalid_credentials: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  account_disabled: { status: 403, message: 'Tài khoản đã bị khóa. Hãy liên hệ quản trị viên của phường.' },
  csrf_failed: { status: 403, message: 'Yêu cầu bị từ chối vì thiếu mã xác thực CSRF. Hãy tải lại trang rồi thử lại.' },
  forbidden: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  password_change_required: {
    status: 403,
    message: 'Bạn cần đổi mật khẩu trước khi tiếp tục (mật khẩu hiện tại là mật khẩu được cấp).',
  },
  not_found: { status: 404, message: 'Không tìm thấy.' },
  username_taken: { status: 409, message: 'Tên đăng nhập đã được sử dụng.' },
  checkpoint_name_taken: { status: 409, message: 'Phường đã có chốt kiểm soát trùng tên.' },
  cannot_deactivate_self: { status: 409, message: 'Không thể tự khóa tài khoản của chính mình.' },
  tax_code_taken: { status: 409, message: 'Mã số thuế này đã được đăng ký trong hệ thống.' },
  business_not_pending: { status: 409, message: 'Đăng ký của doanh nghiệp không còn ở trạng thái chờ tiếp nhận.' },
  business_not_active: {
    status: 409,
    message: 'Doanh nghiệp chưa được tiếp nhận hoặc đang bị tạm dừng hoạt động nên chưa thể làm thao tác này.',
  },
  business_change_pending: {
    status: 409,
    message:
      'Doanh nghiệp đang có một yêu cầu thay đổi thông tin chờ UBND phường duyệt. Chờ phường trả lời rồi gửi yêu cầu mới.',
  },
  business_has_open_dossier: {
    status: 409,
    message: 'Doanh nghiệp đang có hồ sơ đang xử lý. Hãy chờ hồ sơ đang xử lý có kết quả trước khi chuyển phường.',
  },
  ward_unchanged: { status: 400, message: 'Doanh nghiệp đang ở phường này: hãy chọn phường mới.' },
  business_change_decided: { status: 409, message: 'Yêu cầu thay đổi thông tin này đã được phường xử lý.' },
  business_not_refused: {
    status: 409,
    message:
      'Chỉ đăng ký lại hoặc hủy quyết định không tiếp nhận khi doanh nghiệp đang ở trạng thái không được tiếp nhận.',
  },
  nothing_to_change: { status: 400, message: 'Không có thông tin nào khác với thông tin hiện tại.' },
  dossier_not_draft: {
    status: 409,
    message: 'Chỉ xóa được hồ sơ nháp (chưa nộp). Hồ sơ đã nộp là chứng cứ và được giữ lại.',
  },
  dossier_not_copyable: {
    status: 409,
    message: 'Chỉ sao chép được hồ sơ đã bị từ chối; hồ sơ bị trả lại thì sửa và nộp lại chính hồ sơ đó.',
  },
  illegal_transition: { status: 409, message: 'Không thể chuyển hồ sơ sang trạng thái này từ trạng thái hiện tại.' },
  dossier_exists: { status: 409, message: 'Doanh nghiệp đã có một hồ sơ cùng loại đang xử lý hoặc đã được phê duyệt.' },
  no_approved_dossier: {
    status: 409,
    message: 'Doanh nghiệp chưa có hồ sơ được phê duyệt, nên chưa thể bổ sung hay rút bớt người lao động.',
  },
  dossier_incomplete: {
    status: 409,
    message: 'Hồ sơ chưa đủ: cần có kế hoạch (tệp đính kèm) và danh sách người lao động.',
  },
  leader_signature_required: {
    status: 409,
    message:
      'Phường đặt lãnh đạo UBND phường ký phê duyệt: Một cửa trình lãnh đạo ký (hoặc quản trị phường tắt thiết lập này).',
  },
  commitment_required: {
    status: 422,
    message:
      'Người đại diện doanh nghiệp cần ký cam kết khi nộp hồ sơ: đánh dấu ô cam kết và nhập họ tên người đại diện.',
  },
  dossier_locked: {
    status: 409,
    message: 'Hồ sơ đã nộp nên không sửa được; chỉ sửa khi hồ sơ ở trạng thái nháp hoặc bị trả lại.',
  },
  staff_duplicate: { status: 409, message: 'Người này đã có trong danh sách người lao động của doanh nghiệp.' },
  staff_not_removable: { status: 409, message: 'Chỉ rút được người đang có trong danh sách đã phê duyệt.' },
  too_many_attachments: { status: 409, message: 'Hồ sơ đã có quá nhiều tệp đính kèm.' },
  attachment_immutable: {
    status: 409,
    message:
      'Tệp của hồ sơ đã nộp là chứng cứ: không xóa, không ghi đè được. Hãy tải lên phiên bản mới để thay thế; phiên bản cũ vẫn được giữ trong lịch sử hồ sơ.',
  },
  attachment_superseded: {
    status: 409,
    message: 'Tệp này đã có phiên bản mới hơn: chỉ thay (hoặc xóa, khi hồ sơ còn nháp) được phiên bản mới nhất.',
  },
  file_missing: { status: 400, message: 'Chưa chọn tệp để tải lên.' },
  file_too_large: { status: 413, message: 'Tệp quá lớn: mỗi tệp tối đa 10 MB.' },
  file_too_complex: {
    status: 413,
    message: 'Tệp quá phức tạp nên không được đọc (dữ liệu giải nén quá lớn, ô quá dài hoặc cấu trúc bất thường).',
  },
  file_read_timeout: {
    status: 422,
    message: 'Đọc tệp quá lâu nên đã dừng. Hãy chép danh sách sang tệp mẫu mới rồi tải lên lại.',
  },
  unsupported_file_type: {
    status: 415,
    message: 'Chỉ nhận tệp PDF, JPEG hoặc PNG (loại tệp được nhận biết theo nội dung, không theo tên tệp).',
  },
  not_registered: {
    status: 422,
    message:
      'Chỉ được cấp giấy đi đường cho người có trong danh sách người lao động đã được UBND phường phê duyệt của đơn vị.',
  },
  no_approved_plan: {
    status: 409,
    message:
      'Đơn vị chưa có kế hoạch được UBND phường phê duyệt (hoặc đang bị tạm dừng) nên chưa thể cấp giấy đi đường.',
  },
  validity_outside_plan: {
    status: 422,
    message: 'Thời hạn của giấy đi đường phải nằm trong thời gian của kế hoạch đã được phê duyệt.',
  },
  validity_too_long: {
    status: 422,
    message: 'Giấy đi đường chỉ có hiệu lực tối đa 92 ngày kể từ ngày cấp.',
  },
  date_invalid: {
    status: 422,
    message: 'Ngày không hợp lệ: ngày không tồn tại, hoặc ngày kết thúc trước ngày bắt đầu. Không giấy nào được cấp.',
  },
  permit_already_active: {
    status: 409,
    message: 'Có người đã có giấy đi đường còn hiệu lực. Hãy chọn thay giấy cũ, bỏ qua, hay cấp thêm một giấy.',
  },
  batch_running: {
    status: 409,
    message: 'Đơn vị đang có một đợt cấp giấy chưa xong. Hãy đợi đợt đó xong rồi cấp tiếp.',
  },
  already_revoked: { status: 409, message: 'Giấy này đã bị thu hồi trước đó.' },
  permit_expired: { status: 409, message: 'Giấy đi đường đã hết hạn, không cần thu hồi.' },
  too_many_scans: { status: 413, message: 'Mỗi lần đồng bộ tối đa 1.000 lượt quét.' },
  inspection_case_open: {
    status: 409,
    message: 'Đơn vị đang có một hồ sơ hậu kiểm chưa đóng: ghi tiếp vào hồ sơ đó.',
  },
  inspection_case_closed: { status: 409, message: 'Hồ sơ hậu kiểm đã đóng nên không ghi thêm được.' },
  finding_not_found: {
    status: 422,
    message: 'Có phát hiện không còn tìm thấy trong nhật ký quét của địa bàn (hoặc không còn là bất thường).',
  },
  finding_other_unit: { status: 422, message: 'Có phát hiện không thuộc đơn vị của hồ sơ hậu kiểm này.' },
  unknown_admin_unit: { status: 422, message: 'Mã đơn vị hành chính không tồn tại.' },
  payload_too_large: { status: 413, message: 'Dữ liệu gửi lên quá lớn.' },
  unsupported_media_type: { status: 415, message: 'Định dạng dữ liệu gửi lên không được hỗ trợ.' },
  too_many_attempts: { status: 429, message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.' },
  too_many_requests: { status: 429, message: 'Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau.' },
  internal_error: { status: 500, message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.' },
  database_unavailable: { status: 503, message: 'Không kết nối được cơ sở dữ liệu.' },
  server_busy: { status: 503, message: 'Máy chủ đang bận. Vui lòng đợi một phút rồi thử lại.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One problem with one field of a request: `path` is the field (`body.username`). */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: Issue[] };
}
