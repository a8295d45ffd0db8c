import { verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { loadTrustList, verify } from '@thonghanh/core';
import { nodeCryptoProvider } from '../packages/server/src/crypto/node-provider.js';
import { loadFixture, loadTrustJson } from './fixtures.js';
import { type MeasureOptions, measureInterleaved, type PairedMeasurement, paired } from './measure.js';
import { type StageTimes, sign1Parts, stageTimes } from './stages.js';

export interface VerifyNodeResult {
  measurement: PairedMeasurement;
  stages: StageTimes;
  options: MeasureOptions;
}

export const NODE_OPTIONS: MeasureOptions = { rounds: 25, sliceMs: 150, batch: 16 };

/**
 * Verifications per second in Node of the reference permit: the whole pipeline (QR text →
 * verdict: `verify` of @thonghanh/core with node:crypto) beside node:crypto's raw Ed25519
 * check of the same Sig_structure bytes, signature and KeyObject, interleaved in one run.
 */
export async function benchVerifyNode(options: MeasureOptions = NODE_OPTIONS): Promise<VerifyNodeResult> {
  const permit = loadFixture('reference-permit');
  const loaded = await loadTrustList(loadTrustJson(), nodeCryptoProvider);
  if (!loaded.ok) throw new Error(`trust list: ${loaded.message}`);
  const trust = loaded.value;
  const at = new Date(permit.verifyAt);
  const { data, signature } = sign1Parts(permit.text);
  const key = trust.keys.find((k) => k.alg === 'EdDSA')?.key as KeyObject;

  const first = await verify(permit.text, { crypto: nodeCryptoProvider, trust, at });
  if (first.verdict !== 'valid') throw new Error(`the reference permit verifies as ${first.verdict}`);
  if (!cryptoVerify(null, data, key, signature)) throw new Error('the raw Ed25519 check fails');

  let failures = 0;
  const rates = await measureInterleaved(
    {
      pipeline: async (n) => {
        for (let i = 0; i < n; i++) {
          const r = await verify(permit.text, { crypto: nodeCryptoProvider, trust, at });
          if (r.verdict !== 'valid') failures++;
        }
      },
      raw: (n) => {
        for (let i = 0; i < n; i++) if (!cryptoVerify(null, data, key, signature)) failures++;
      },
    },
    options,
  );
  if (failures > 0) throw new Error(`${failures} verifications failed during the run`);
  const stages = await stageTimes(permit.text, trust, at, nodeCryptoProvider);
  return { measurement: paired(rates.pipeline, rates.raw), stages, options };
}
