import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { renderPermitsPdf } from '../../src/pdf/render-permits.js';
import { REFERENCE_PERMIT, sampleConfirmation, samplePermit } from '../../src/pdf/sample-permits.js';
import { renderUnitConfirmationPdf } from '../../src/pdf/unit-confirmation.js';
import { renderPage, Scratch } from './pdf-tools.js';

/**
 * Renders the first page of each document of this folder to docs/screenshots/ (fictitious
 * people only), for the docs and for looking at the layout:
 *
 *   node --import tsx packages/server/test/support/make-pdf-screenshots.ts
 */
export async function makeScreenshots(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const scratch = new Scratch();
  try {
    const pdfOf = async (permits: Parameters<typeof renderPermitsPdf>[0], layout: 'A5' | 'A4x2') => {
      const chunks: Uint8Array[] = [];
      await renderPermitsPdf(permits, (c) => void chunks.push(c), { layout });
      return scratch.file(Buffer.concat(chunks));
    };
    const shots: [string, string, number][] = [
      ['permit-a5.png', await pdfOf([REFERENCE_PERMIT], 'A5'), 150],
      [
        'permit-a4x2.png',
        await pdfOf(
          [0, 1, 2].map((i) => samplePermit(i)),
          'A4x2',
        ),
        110,
      ],
      ['unit-confirmation.png', scratch.file(await renderUnitConfirmationPdf(sampleConfirmation(120))), 110],
    ];
    const written: string[] = [];
    for (const [name, pdf, dpi] of shots) {
      const to = join(outDir, name);
      renameSync(renderPage(pdf, 1, dpi), to);
      written.push(to);
    }
    return written;
  } finally {
    scratch.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(import.meta.dirname, '../../../../docs/screenshots');
  for (const f of await makeScreenshots(dir)) console.log(f);
}
