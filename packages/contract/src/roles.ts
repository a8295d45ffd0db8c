/** The roles, by code. Vietnamese labels for screens and the CLI. */
export const ROLES = {
  supervisor: 'Giám sát (quận/thành phố)',
  ward_admin: 'Quản trị phường',
  ward_officer: 'Cán bộ Một cửa',
  ward_leader: 'Lãnh đạo UBND phường',
  health_officer: 'Cán bộ Trạm Y tế',
  business_rep: 'Đại diện doanh nghiệp',
  checkpoint_officer: 'Cán bộ tại chốt',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as Role[];

/** Roles whose account belongs to one ward (ward_code set, district and province derived). */
export const WARD_ROLES = [
  'ward_admin',
  'ward_officer',
  'ward_leader',
  'health_officer',
  'checkpoint_officer',
] as const;
export type WardRole = (typeof WARD_ROLES)[number];
