import { MAX_UPLOAD_BYTES } from '@thonghanh/contract/limits';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

/** Every upload: at most 10 MB (the plan's files and the staff lists alike): the contract's limit. */
export { MAX_UPLOAD_BYTES };

export interface UploadedFile {
  bytes: Uint8Array;
  fileName: string;
  /** Other form fields sent before the file. */
  fields: Record<string, string>;
}

/**
 * Reads the one file of a `multipart/form-data` request into memory: 413 `file_too_large`
 * past `maxBytes`, 400 `file_missing` without a file part, 415 `unsupported_media_type`
 * when the request is not multipart, 400 `upload_incomplete` when the multipart body is cut
 * short, has no boundary or one that never comes, or breaks off mid-file.
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes = MAX_UPLOAD_BYTES): Promise<UploadedFile> {
  if (!req.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Hãy gửi tệp dưới dạng multipart/form-data (trường "file").');
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch (e) {
    throw translate(e);
  }
  if (!part) throw new AppError('file_missing');
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (e) {
    throw translate(e);
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (one && one.type === 'field' && typeof one.value === 'string') fields[k] = one.value;
  }
  if (buffer.length === 0) throw new AppError('file_missing', 'Tệp tải lên trống.');
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length), fileName: part.filename, fields };
}

/**
 * The parser's failures as our codes. Everything it throws comes from the bytes the client
 * sent (busboy's plain `Error`s: "Unexpected end of multipart data", "Boundary not found";
 * `FST_MP_PREMATURE_CLOSE` when the connection drops), so anything unnamed is
 * `upload_incomplete`, never a 500.
 */
function translate(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('file_too_large');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('bad_request', 'Mỗi lần chỉ tải lên một tệp.');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type');
  return new AppError('upload_incomplete');
}
