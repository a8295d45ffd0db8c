import { fail, ok, type Result } from '../result.js';

export type TaxCodeError = 'tax_code_format' | 'tax_code_checksum' | 'tax_code_branch';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export interface TaxCode {
  /** The 10-digit code of the enterprise. */
  base: string;
  /** The branch (chi nhánh) number 001–999, when the code names a dependent unit. */
  branch?: string;
  /** The code as written: `0100233488` or `0100233488-001`. */
  text: string;
}

/**
 * Mã số thuế: 10 digits with a check digit (S = Σ wᵢ·dᵢ, S mod 11 ≠ 0, d10 = 10 − S mod 11),
 * optionally followed by `-` and a branch 001–999.
 */
export function validateTaxCode(input: string): Result<TaxCode, TaxCodeError> {
  const m = /^([0-9]{10})(?:-([0-9]{3}))?$/.exec(input);
  if (!m) return fail('tax_code_format', 'Mã số thuế phải gồm 10 chữ số, có thể kèm "-" và 3 chữ số chi nhánh');
  const base = m[1] as string;
  const branch = m[2];
  let s = 0;
  for (let i = 0; i < 9; i++) s += (WEIGHTS[i] as number) * (base.charCodeAt(i) - 48);
  const r = s % 11;
  if (r === 0 || base.charCodeAt(9) - 48 !== 10 - r) {
    return fail('tax_code_checksum', 'Mã số thuế sai chữ số kiểm tra');
  }
  if (branch === '000') return fail('tax_code_branch', 'Số chi nhánh của mã số thuế phải từ 001 đến 999');
  return ok(branch === undefined ? { base, text: input } : { base, branch, text: input });
}

export function isValidTaxCode(input: string): boolean {
  return validateTaxCode(input).ok;
}

/** The check digit for 9 leading digits, or null when no digit can make them valid. */
export function taxCodeCheckDigit(first9: string): number | null {
  if (!/^[0-9]{9}$/.test(first9)) return null;
  let s = 0;
  for (let i = 0; i < 9; i++) s += (WEIGHTS[i] as number) * (first9.charCodeAt(i) - 48);
  const r = s % 11;
  return r === 0 ? null : 10 - r;
}
