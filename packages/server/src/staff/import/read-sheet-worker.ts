/**
 * The worker thread's entry (sheet-reader-pool.ts starts it): reads one staff list per
 * message with `readStaffSheet` and answers the plain-data result. It holds no state
 * between files; the pool ends it when a file takes too long, and V8 ends it when a file
 * needs more than its heap ceiling. A bundled build must list this file as an entry point.
 */
import { parentPort } from 'node:worker_threads';
import { fileProblemSheet, readStaffSheet, type StaffSheet } from './read-staff-sheet.js';

export interface SheetJob {
  bytes: Uint8Array;
  maxBytes?: number;
  maxRows?: number;
}

const port = parentPort;
if (port === null) throw new Error('read-sheet-worker.ts runs only as a worker thread');

port.on('message', async (job: SheetJob) => {
  let sheet: StaffSheet;
  try {
    sheet = await readStaffSheet(job.bytes, { maxBytes: job.maxBytes, maxRows: job.maxRows });
  } catch {
    // Not a SheetFileError: a reader failure on odd bytes; the user can only re-save the file.
    sheet = fileProblemSheet(
      'corrupt_file',
      'Không đọc được tệp: tệp bị hỏng hoặc không đầy đủ. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi tải lên lại.',
    );
  }
  port.postMessage(sheet);
});
