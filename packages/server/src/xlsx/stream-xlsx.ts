import { PassThrough } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import type { FastifyReply } from 'fastify';
import { lazyRequire } from '../lazy-require.js';
import { safeCell } from './safe-cell.js';

/** Loaded on first use, not at start-up (lazy-require.ts). */
const ExcelJS = lazyRequire<typeof ExcelJSModule>('exceljs');

export interface XlsxColumn {
  header: string;
  width: number;
}

/** One sheet being written: rows go out as they are added. */
export interface XlsxSheet {
  /** Adds a row; every value passes through `safeCell`. */
  add(values: unknown[]): void;
  /** Waits while the client is slower than the writer (call between chunks of rows). */
  flush(): Promise<void>;
}

export interface XlsxBook {
  sheet(name: string, columns: XlsxColumn[]): XlsxSheet;
}

const HIGH_WATER = 1024 * 1024;

/**
 * Streams an .xlsx to the client with exceljs's streaming writer: rows are committed as they
 * are added and zipped out, so memory stays flat in the number of rows. `build` adds sheets
 * and rows (reading the database a page at a time) and returns when done. A failure half-way
 * aborts the response (the client sees a broken download, never a wrong file).
 */
export function streamXlsx(
  reply: FastifyReply,
  fileName: string,
  build: (book: XlsxBook) => Promise<void>,
): FastifyReply {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Thông hành';
  let current: ExcelJSModule.Worksheet | null = null;
  const book: XlsxBook = {
    sheet(name, columns) {
      current?.commit();
      const ws = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      current = ws;
      ws.columns = columns.map((c, i) => ({ key: String(i), width: c.width }));
      const head = ws.addRow(columns.map((c) => c.header));
      head.font = { bold: true };
      head.commit();
      return {
        add(values) {
          ws.addRow(values.map(safeCell)).commit();
        },
        async flush() {
          if (out.writableLength < HIGH_WATER || out.destroyed) return;
          await new Promise<void>((resolve) => {
            const done = () => {
              out.off('drain', done);
              out.off('close', done);
              resolve();
            };
            out.on('drain', done);
            out.on('close', done);
          });
          if (out.destroyed) throw new Error('the client went away before the spreadsheet was complete');
        },
      };
    },
  };
  const ascii = fileName.replace(/[^A-Za-z0-9._-]+/g, '-');
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  build(book)
    .then(async () => {
      (current as ExcelJSModule.Worksheet | null)?.commit();
      await workbook.commit();
    })
    .catch((err: unknown) => {
      reply.log.error({ err }, 'spreadsheet export failed');
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  return reply.send(out);
}
