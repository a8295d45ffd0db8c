import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTaxCode, taxCodeCheckDigit, validateTaxCode } from './tax-code.js';

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

describe('validateTaxCode', () => {
  it('accepts real enterprise codes', () => {
    expect(validateTaxCode('0100233488')).toEqual({ ok: true, value: { base: '0100233488', text: '0100233488' } });
    expect(isValidTaxCode('0314409058')).toBe(true);
  });

  it('accepts a branch and reports it', () => {
    expect(validateTaxCode('0100233488-001')).toEqual({
      ok: true,
      value: { base: '0100233488', branch: '001', text: '0100233488-001' },
    });
  });

  it('refuses a wrong check digit', () => {
    expect(validateTaxCode('0100233487')).toMatchObject({ ok: false, code: 'tax_code_checksum' });
  });

  it('refuses nine digits that no check digit can complete (S mod 11 = 0)', () => {
    expect(taxCodeCheckDigit('010023303')).toBeNull();
    for (let d = 0; d <= 9; d++) {
      expect(validateTaxCode(`010023303${d}`)).toMatchObject({ ok: false, code: 'tax_code_checksum' });
    }
  });

  it('refuses branch 000', () => {
    expect(validateTaxCode('0100233488-000')).toMatchObject({ ok: false, code: 'tax_code_branch' });
  });

  it.each(['', '010023348', '01002334888', '0100233488-01', '0100233488-0001', '0100 233 488', 'O100233488'])(
    'refuses the form %j',
    (text) => {
      expect(validateTaxCode(text)).toMatchObject({ ok: false, code: 'tax_code_format' });
    },
  );

  it('completes any nine digits whose check digit exists', () => {
    fc.assert(
      fc.property(nineDigits, (first9) => {
        const d = taxCodeCheckDigit(first9);
        fc.pre(d !== null);
        return isValidTaxCode(`${first9}${d}`);
      }),
    );
  });

  it('catches any single-digit change of a valid code', () => {
    fc.assert(
      fc.property(nineDigits, fc.nat(9), fc.integer({ min: 1, max: 9 }), (first9, pos, delta) => {
        const d = taxCodeCheckDigit(first9);
        fc.pre(d !== null);
        const code = `${first9}${d}`;
        const changed = code.slice(0, pos) + ((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
        return !isValidTaxCode(changed);
      }),
    );
  });
});
