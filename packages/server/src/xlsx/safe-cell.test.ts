import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell.js';

describe('safeCell', () => {
  it.each([
    ['=HYPERLINK("http://x.example","Bấm")'],
    ['+SUM(1,2)'],
    ['-2+3+cmd|"/c calc"!A0'],
    ['@SUM(A1)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('turns %j into text that no spreadsheet runs', (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text, numbers, dates and empty cells alone', () => {
    const d = new Date('2021-08-15T03:00:00Z');
    expect([safeCell('Nguyễn Văn A'), safeCell(-5), safeCell(d), safeCell(null), safeCell(undefined)]).toEqual([
      'Nguyễn Văn A',
      -5,
      d,
      null,
      null,
    ]);
  });
});
