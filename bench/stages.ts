/**
 * Where the pipeline's time goes apart from the signature check: each step of `verify`
 * timed on its own (best of several short interleaved slices, in microseconds), and the
 * whole pipeline with a provider that accepts every signature. Pure: runs in Node and in
 * the benchmark page alike.
 */
import {
  type CryptoProvider,
  claimsToJson,
  decodeClaims,
  decodeSign1,
  digitsToBytes,
  sigStructure,
  splitQrText,
  type TrustList,
  verify,
} from '@thonghanh/core';
import { type Batch, slice } from './measure.js';

export interface StageTimes {
  /** Microseconds per call of each step, in pipeline order. */
  steps: Array<{ step: string; us: number }>;
  /** Microseconds per `verify` whose signature check is free (a provider that accepts all). */
  pipelineWithoutCryptoUs: number;
}

/** The signature-checking pieces of the pipeline, taken apart from one permit text. */
export function sign1Parts(text: string): { data: Uint8Array; signature: Uint8Array } {
  const split = splitQrText(text);
  const bytes = split ? digitsToBytes(split.digits) : null;
  const sign1 = bytes ? decodeSign1(bytes) : null;
  if (!sign1?.ok) throw new Error('the permit text does not decode');
  return { data: sigStructure(sign1.value.protectedBytes, sign1.value.payload), signature: sign1.value.signature };
}

/** Times the steps of `verify` for one permit text; `provider` only lends its key handles' shape. */
export async function stageTimes(
  text: string,
  trust: TrustList,
  at: Date,
  provider: CryptoProvider,
  rounds = 9,
  sliceMs = 25,
): Promise<StageTimes> {
  const split = splitQrText(text);
  const bytes = split ? digitsToBytes(split.digits) : null;
  const sign1 = bytes ? decodeSign1(bytes) : null;
  if (!split || !bytes || !sign1?.ok) throw new Error('the permit text does not decode');
  const s = sign1.value;
  const decoded = decodeClaims(s.payload);
  if (!decoded.ok) throw new Error('the permit claims do not decode');
  const claims = decoded.value;
  const acceptAll: CryptoProvider = { ...provider, name: 'accept-all', verify: () => true };
  const loop =
    (f: () => unknown): Batch =>
    (n) => {
      for (let i = 0; i < n; i++) f();
    };
  const steps: Record<string, Batch> = {
    'split the text (splitQrText)': loop(() => splitQrText(text)),
    'digits → bytes (digitsToBytes)': loop(() => digitsToBytes(split.digits)),
    'COSE_Sign1 decode (decodeSign1)': loop(() => decodeSign1(bytes)),
    'claims decode + rules (decodeClaims)': loop(() => decodeClaims(s.payload)),
    'claims → JSON shape (claimsToJson)': loop(() => claimsToJson(claims)),
    'Sig_structure (sigStructure)': loop(() => sigStructure(s.protectedBytes, s.payload)),
    'whole verify, signature check free': async (n) => {
      for (let i = 0; i < n; i++) {
        const r = await verify(text, { crypto: acceptAll, trust, at });
        if (r.verdict !== 'valid') throw new Error(`verify gave ${r.verdict}`);
      }
    },
  };
  const best: Record<string, number> = {};
  for (const run of Object.values(steps)) await slice(run, 16, sliceMs);
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(steps)) {
      const rate = await slice(run, 16, sliceMs);
      best[name] = Math.max(best[name] ?? 0, rate);
    }
  }
  const us = (name: string) => 1e6 / (best[name] as number);
  const names = Object.keys(steps);
  return {
    steps: names.slice(0, -1).map((step) => ({ step, us: us(step) })),
    pipelineWithoutCryptoUs: us(names[names.length - 1] as string),
  };
}
