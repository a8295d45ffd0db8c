import { describe, expect, it } from 'vitest';
import { parseDay } from './date-field.js';

describe('dates typed day first', () => {
  it('reads dd/mm/yyyy and its usual variants', () => {
    expect(parseDay('15/08/2021')).toBe('2021-08-15');
    expect(parseDay(' 5/8/2021 ')).toBe('2021-08-05');
    expect(parseDay('15-08-2021')).toBe('2021-08-15');
    expect(parseDay('15.08.2021')).toBe('2021-08-15');
  });

  it('refuses days that do not exist and other shapes', () => {
    expect(parseDay('31/02/2021')).toBeNull();
    expect(parseDay('2021-08-15')).toBeNull();
    expect(parseDay('15/08/21')).toBeNull();
    expect(parseDay('')).toBeNull();
  });
});
