import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Executor, PermitRow } from '../db/schema.js';
import { wardIssuer } from '../keys/issuer.js';
import { type PermitPrintData, renderPermitsPdf } from '../pdf/render-permits.js';
import { getWardSettings } from '../ward-settings/ward-settings.js';
import { parseSchedule } from './permit-claims.js';
import { lastValidDate } from './permit-presenter.js';
import { vnDateOf } from './vn-dates.js';

export type PrintLayout = 'A5' | 'A4x2';

/** The legal-basis line when the ward has not set its own (ward_settings.legal_basis). */
export const DEFAULT_LEGAL_BASIS =
  'Căn cứ Chỉ thị số 17/CT-UBND ngày 13/7/2021 của UBND Thành phố Hà Nội về các biện pháp cấp bách phòng, chống dịch COVID-19';

/** What every permit of one business shares on paper. */
interface BusinessPrint {
  unitName: string;
  unitAddress: string;
  placeName: string;
  legalBasis: string;
}

/** Looks up each business's print context once per document. */
export function businessPrintLookup(db: Executor): (businessId: string) => Promise<BusinessPrint> {
  const cache = new Map<string, Promise<BusinessPrint>>();
  return (businessId) => {
    let found = cache.get(businessId);
    if (!found) {
      found = (async () => {
        const b = await db
          .selectFrom('businesses')
          .select(['name', 'address', 'ward_code'])
          .where('id', '=', businessId)
          .executeTakeFirstOrThrow();
        const [issuer, settings] = await Promise.all([wardIssuer(db, b.ward_code), getWardSettings(db, b.ward_code)]);
        return {
          unitName: b.name,
          unitAddress: b.address,
          placeName: issuer.placeName,
          legalBasis: settings.legalBasis?.trim() || DEFAULT_LEGAL_BASIS,
        };
      })();
      cache.set(businessId, found);
    }
    return found;
  };
}

/** A permit row as the city's form prints it. */
export function printDataOf(p: PermitRow, b: BusinessPrint): PermitPrintData {
  const schedule = parseSchedule(p.schedule);
  return {
    qrText: p.qr_text,
    serial: p.serial,
    unitName: b.unitName,
    unitAddress: b.unitAddress,
    placeName: b.placeName,
    issuedOn: vnDateOf(p.issued_at),
    holder: p.holder,
    idType: p.id_type,
    idNumber: p.id_number,
    ...(p.position ? { position: p.position } : {}),
    workplace: p.workplace ?? b.unitAddress,
    residence: p.residence,
    purpose: p.purpose,
    routeFrom: p.route_from,
    routeTo: p.route_to,
    ...(schedule ? { schedule } : {}),
    validFrom: vnDateOf(p.valid_from),
    validTo: lastValidDate(p.valid_to),
    signerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    legalBasis: b.legalBasis,
  };
}

/** Pages of permit rows → print data, one permit at a time. */
export async function* printData(
  db: Executor,
  pages: AsyncIterable<PermitRow[]> | Iterable<PermitRow[]>,
): AsyncGenerator<PermitPrintData> {
  const lookup = businessPrintLookup(db);
  for await (const rows of pages) {
    for (const p of rows) yield printDataOf(p, await lookup(p.business_id));
  }
}

/**
 * Writes to the response stream, waiting for `drain` when its buffer is full. A function sink
 * also makes the renderer yield to the event loop after each flushed chunk: on SQLite the
 * row reads never wait for I/O, and without a yield the first byte would leave only once the
 * whole document was built (and other requests would wait as long).
 */
function streamSink(out: PassThrough): (chunk: Uint8Array) => Promise<void> | undefined {
  return (chunk) => {
    if (out.destroyed) throw new Error('the client went away before the PDF was complete');
    if (out.write(chunk)) return undefined;
    return new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        out.off('drain', onDrain);
        out.off('close', onClose);
        if (err) reject(err);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new Error('the client went away before the PDF was complete'));
      out.on('drain', onDrain);
      out.on('close', onClose);
    });
  };
}

/**
 * Streams a PDF of permits to the client as it is rendered: chunked, with `X-Permit-Count`
 * (the number of permits, known before the first byte) so the client can show progress, and
 * the rows read from the database a page at a time (memory flat in the count). A failure
 * half-way aborts the response (the client sees a truncated download, never a wrong PDF).
 */
export function streamPermitsPdf(
  reply: FastifyReply,
  db: Executor,
  pages: AsyncIterable<PermitRow[]> | Iterable<PermitRow[]>,
  count: number,
  layout: PrintLayout,
  fileName: string,
): FastifyReply {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('x-permit-count', String(count))
    .header('access-control-expose-headers', 'X-Permit-Count');
  renderPermitsPdf(printData(db, pages), streamSink(out), { layout, title: 'Giấy đi đường' }).then(
    () => out.end(),
    (err: unknown) => {
      reply.log.error({ err }, 'permit PDF rendering failed');
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    },
  );
  return reply.send(out);
}
