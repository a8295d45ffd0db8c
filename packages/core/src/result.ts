/** A value or a failure with a stable code: errors are values, never exceptions, in the core. */
export type Result<T, C extends string = string> =
  | { ok: true; value: T }
  | { ok: false; code: C; message: string; detail?: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <C extends string>(
  code: C,
  message: string,
  detail?: string,
): { ok: false; code: C; message: string; detail?: string } =>
  detail === undefined ? { ok: false, code, message } : { ok: false, code, message, detail };
