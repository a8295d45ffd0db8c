/**
 * The dossier's states, actions, kinds and channels, with the glossary's words. Plain data, no
 * zod (a screen imports them from `@thonghanh/contract/dossier-states` at no cost). Who may
 * move a dossier from which state to which is the server's table (workflow/transitions.ts).
 */

/** The glossary's names of the states (and their order everywhere: lists, statistics). */
export const DOSSIER_STATE_LABELS = {
  draft: 'Nháp',
  submitted: 'Đã nộp, chờ Trạm Y tế xác nhận',
  health_confirmed: 'Trạm Y tế đã xác nhận, chờ UBND phường phê duyệt',
  awaiting_leader: 'Chờ lãnh đạo UBND phường ký',
  approved: 'Đã phê duyệt',
  returned: 'Trả lại để bổ sung',
  rejected: 'Từ chối',
  suspended: 'Tạm dừng hoạt động',
} as const;
export type DossierState = keyof typeof DOSSIER_STATE_LABELS;
export const DOSSIER_STATES = Object.keys(DOSSIER_STATE_LABELS) as DossierState[];

/** The actions that move a dossier, in the order of the server's transition table. */
export const DOSSIER_ACTIONS = [
  'submit',
  'confirm_health',
  'return',
  'approve',
  'send_for_signature',
  'return_to_desk',
  'reject',
  'suspend',
  'reinstate',
  'reopen',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Vietnamese names of the actions (buttons, timeline, audit readers), and of the dossier's creation. */
export const DOSSIER_ACTION_LABELS: Record<DossierAction | 'create', string> = {
  create: 'Tạo hồ sơ',
  submit: 'Nộp hồ sơ',
  confirm_health: 'Trạm Y tế xác nhận phương án',
  return: 'Trả lại để bổ sung',
  send_for_signature: 'Trình lãnh đạo ký',
  return_to_desk: 'Lãnh đạo trả lại Một cửa',
  approve: 'UBND phường phê duyệt',
  reject: 'Từ chối',
  suspend: 'Tạm dừng hoạt động',
  reinstate: 'Cho hoạt động trở lại',
  reopen: 'Hủy quyết định từ chối',
};

/** initial: the business's registration (plan + staff list); amendment: people added after approval. */
export const DOSSIER_KINDS = ['initial', 'amendment'] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];

/** online: sent by the business; email, post, in_person: taken in by the ward's one-stop desk. */
export const DOSSIER_CHANNELS = ['online', 'email', 'post', 'in_person'] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];

/** Who approves in a ward: the leader signs (the default), or the desk (a ward that turned it off). */
export type DossierApproval = 'leader' | 'desk';
