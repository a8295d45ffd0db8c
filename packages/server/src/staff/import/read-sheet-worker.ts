/**
 * The worker thread's entry (sheet-reader-pool.ts starts it): reads and checks one staff
 * list per message (`readAndCheck`: everything but the database's registered-elsewhere
 * lookup, each row validated as it is read) and answers the plain-data result, so that the rows cross
 * back to the main thread once, already checked and normalised. It keeps only the last
 * ward-code set between files; the pool ends it when a file takes too long, and V8 ends it
 * when a file needs more than its heap ceiling. A bundled build must list this file as an
 * entry point.
 */
import { parentPort } from 'node:worker_threads';
import { fileProblemResult, readAndCheck, type StaffImportResult } from './import-staff-file.js';

export interface SheetJob {
  bytes: Uint8Array;
  maxBytes?: number;
  maxRows?: number;
  today?: string;
  /** Every known ward code, space-separated (one string clones far cheaper than 10,000); null: form only. */
  wardCodes: string | null;
}

const port = parentPort;
if (port === null) throw new Error('read-sheet-worker.ts runs only as a worker thread');

let lastCodes: string | null = null;
let lastSet = new Set<string>();

function wardSet(codes: string): Set<string> {
  if (codes !== lastCodes) {
    lastSet = new Set(codes.split(' '));
    lastCodes = codes;
  }
  return lastSet;
}

port.on('message', async (job: SheetJob) => {
  let result: StaffImportResult;
  try {
    const codes = job.wardCodes === null ? null : wardSet(job.wardCodes);
    result = await readAndCheck(job.bytes, job, codes ? (code) => codes.has(code) : undefined);
  } catch {
    // Not a SheetFileError: a reader failure on odd bytes; the user can only re-save the file.
    result = fileProblemResult(
      'corrupt_file',
      'Không đọc được tệp: tệp bị hỏng hoặc không đầy đủ. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi tải lên lại.',
    );
  }
  port.postMessage(result);
});
