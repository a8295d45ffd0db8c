/**
 * Staff list import, the part before storage: a 10,000-row .xlsx written by exceljs (shared
 * strings and styles, as Excel writes them) read, then validated, then both through
 * `importStaffFile` end to end; the same rows as a CSV file for comparison. Rounds
 * alternate the stages so drift on a noisy machine falls on all of them.
 */
import type { Cell, SheetRow } from '../packages/server/src/staff/import/cells.js';
import { matchHeader, type StaffField } from '../packages/server/src/staff/import/columns.js';
import { importStaffFile } from '../packages/server/src/staff/import/import-staff-file.js';
import { readXlsxRows } from '../packages/server/src/staff/import/read-xlsx.js';
import { StaffRowValidator } from '../packages/server/src/staff/import/validate-rows.js';
import { csvText, HEADERS, person, personRow, utf8, xlsxOf } from '../packages/server/test/support/staff-files.js';
import { median } from './measure.js';
import type { Section } from './table.js';

export const STAFF_ROWS = 10_000;
const ROUNDS = 5;
/** The permit's goal for the whole import (read, validate, save): issue 3, item 13. */
export const GOAL_MS = 2000;

export interface StaffImportBench extends Section {
  rows: number;
  xlsxBytes: number;
  /** Median milliseconds per stage over the rounds. */
  readMs: number;
  validateMs: number;
  xlsxTotalMs: number;
  csvTotalMs: number;
}

async function readRecords(bytes: Uint8Array): Promise<{ row: number; cells: Partial<Record<StaffField, Cell>> }[]> {
  const records: { row: number; cells: Partial<Record<StaffField, Cell>> }[] = [];
  let columns: Map<StaffField, number> | null = null;
  await readXlsxRows(bytes, (r: SheetRow) => {
    if (columns === null) {
      columns = matchHeader(r.cells.map((c) => (c?.kind === 'text' ? c.text : ''))).columns;
      return true;
    }
    const cells: Partial<Record<StaffField, Cell>> = {};
    for (const [field, i] of columns) {
      const c = r.cells[i];
      if (c) cells[field] = c;
    }
    records.push({ row: r.row, cells });
    return true;
  });
  return records;
}

export async function benchStaffImport(): Promise<StaffImportBench> {
  const rows = [HEADERS, ...Array.from({ length: STAFF_ROWS }, (_, i) => personRow(person(i)))];
  const xlsx = await xlsxOf(rows);
  const csv = utf8(csvText(rows, ';'), true);
  const today = '2021-08-15';

  const check = await importStaffFile(xlsx, { today });
  if (check.valid !== STAFF_ROWS || check.errors.length > 0) {
    throw new Error(`the generated list does not import cleanly: ${check.valid} valid, ${check.errors.length} errors`);
  }

  const read: number[] = [];
  const validate: number[] = [];
  const xlsxTotal: number[] = [];
  const csvTotal: number[] = [];
  const time = async <T>(into: number[] | null, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    into?.push(performance.now() - t0);
    return r;
  };
  for (let round = -1; round < ROUNDS; round++) {
    const keep = round >= 0;
    const stages = [
      async () => {
        const records = await time(keep ? read : null, () => readRecords(xlsx));
        await time(keep ? validate : null, async () => {
          const v = new StaffRowValidator({ today });
          for (const r of records) v.add(r.row, r.cells);
          return v.finish();
        });
      },
      () => time(keep ? xlsxTotal : null, () => importStaffFile(xlsx, { today })),
      () => time(keep ? csvTotal : null, () => importStaffFile(csv, { today })),
    ];
    if (round % 2 === 1) stages.reverse();
    for (const s of stages) await s();
  }
  const ms = (v: number) => `${Math.round(v)} ms`;
  const result = {
    rows: STAFF_ROWS,
    xlsxBytes: xlsx.length,
    readMs: median(read),
    validateMs: median(validate),
    xlsxTotalMs: median(xlsxTotal),
    csvTotalMs: median(csvTotal),
  };
  return {
    ...result,
    tables: [
      {
        title: `Staff list of ${STAFF_ROWS.toLocaleString('en')} people (no storage yet), median of ${ROUNDS} rounds`,
        headers: ['stage', 'median', 'best', 'per 1,000 rows'],
        right: [1, 2, 3],
        rows: [
          ['xlsx: read (streaming, first sheet)', read],
          ['validate (core identifiers, duplicates)', validate],
          ['xlsx: importStaffFile end to end', xlsxTotal],
          ['csv (UTF-8, `;`): importStaffFile end to end', csvTotal],
        ].map(([label, values]) => {
          const v = values as number[];
          return [label as string, ms(median(v)), ms(Math.min(...v)), ms(median(v) / (STAFF_ROWS / 1000))];
        }),
      },
    ],
    notes: [
      `The .xlsx is ${(xlsx.length / 1024).toFixed(0)} KiB, written by exceljs (shared strings, styles). ` +
        `Goal for the whole import including saving: ≤ ${GOAL_MS} ms; reading and validating use ` +
        `${Math.round((result.xlsxTotalMs / GOAL_MS) * 100)} % of it here.`,
    ],
  };
}
