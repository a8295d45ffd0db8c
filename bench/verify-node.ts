import { verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { decodeSign1, digitsToBytes, loadTrustList, sigStructure, splitQrText, verify } from '@thonghanh/core';
import { nodeCryptoProvider } from '../packages/server/src/crypto/node-provider.js';
import { loadFixture, loadTrustJson } from './fixtures.js';
import { type MeasureOptions, measurePair, type PairedMeasurement } from './measure.js';

export interface VerifyNodeResult {
  measurement: PairedMeasurement;
  options: MeasureOptions;
}

export const NODE_OPTIONS: MeasureOptions = { rounds: 9, sliceMs: 400, batch: 32 };

/**
 * Verifications per second in Node of the reference permit: the whole pipeline (QR text →
 * verdict, `verify` of @thonghanh/core with node:crypto) beside node:crypto's raw Ed25519
 * check of the same Sig_structure, signature and KeyObject, interleaved in one run.
 */
export async function benchVerifyNode(options: MeasureOptions = NODE_OPTIONS): Promise<VerifyNodeResult> {
  const permit = loadFixture('reference-permit');
  const loaded = await loadTrustList(loadTrustJson(), nodeCryptoProvider);
  if (!loaded.ok) throw new Error(`trust list: ${loaded.message}`);
  const trust = loaded.value;
  const at = new Date(permit.verifyAt);

  // The raw baseline's inputs, taken apart from the same text.
  const sign1 = decodeSign1(digitsToBytes(splitQrText(permit.text)?.digits ?? '') ?? new Uint8Array(0));
  if (!sign1.ok) throw new Error('reference permit does not decode');
  const data = sigStructure(sign1.value.protectedBytes, sign1.value.payload);
  const signature = sign1.value.signature;
  const key = trust.keys.find((k) => k.alg === 'EdDSA')?.key as KeyObject;

  const first = await verify(permit.text, { crypto: nodeCryptoProvider, trust, at });
  if (first.verdict !== 'valid') throw new Error(`reference permit verifies as ${first.verdict}`);
  if (!cryptoVerify(null, data, key, signature)) throw new Error('raw Ed25519 check fails');

  let failures = 0;
  const pipeline = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const r = await verify(permit.text, { crypto: nodeCryptoProvider, trust, at });
      if (r.verdict !== 'valid') failures++;
    }
  };
  const raw = (n: number) => {
    for (let i = 0; i < n; i++) if (!cryptoVerify(null, data, key, signature)) failures++;
  };
  const measurement = await measurePair(pipeline, raw, options);
  if (failures > 0) throw new Error(`${failures} verifications failed during the run`);
  return { measurement, options };
}
