/**
 * The benchmark page: `verify` of @thonghanh/core with the WebCrypto and the noble
 * providers, each beside the raw Ed25519 check of the same platform (crypto.subtle.verify,
 * noble's ed25519.verify) over the same Sig_structure bytes, signature and key.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { isEd25519Supported, loadTrustList, nobleProvider, verify, webCryptoProvider } from '@thonghanh/core';
import { measureInterleaved, paired } from '../measure.js';
import { sign1Parts, stageTimes } from '../stages.js';
import type { BenchPage, BrowserBenchInput, ProviderResult } from './protocol.js';

async function run(input: BrowserBenchInput, which: 'webcrypto' | 'noble'): Promise<ProviderResult> {
  const provider = which === 'webcrypto' ? webCryptoProvider() : nobleProvider();
  const loaded = await loadTrustList(input.trust, provider);
  if (!loaded.ok) throw new Error(`trust list: ${loaded.message}`);
  const trust = loaded.value;
  const at = new Date(input.verifyAt);
  const { data, signature } = sign1Parts(input.text);
  const key = trust.keys.find((k) => k.alg === 'EdDSA')?.key;
  const subtle = globalThis.crypto.subtle;
  const rawCheck =
    which === 'webcrypto'
      ? () => subtle.verify({ name: 'Ed25519' }, key as CryptoKey, signature as BufferSource, data as BufferSource)
      : () => ed25519.verify(signature, data, key as Uint8Array, { zip215: false });

  const first = await verify(input.text, { crypto: provider, trust, at });
  if (first.verdict !== 'valid') throw new Error(`the reference permit verifies as ${first.verdict}`);
  if (!(await rawCheck())) throw new Error('the raw Ed25519 check fails');

  let failures = 0;
  const rates = await measureInterleaved(
    {
      pipeline: async (n) => {
        for (let i = 0; i < n; i++) {
          const r = await verify(input.text, { crypto: provider, trust, at });
          if (r.verdict !== 'valid') failures++;
        }
      },
      raw: async (n) => {
        for (let i = 0; i < n; i++) {
          const good = rawCheck();
          if (!(typeof good === 'boolean' ? good : await good)) failures++;
        }
      },
    },
    input.options,
  );
  if (failures > 0) throw new Error(`${failures} verifications failed during the run`);
  return {
    provider: provider.name,
    raw: which === 'webcrypto' ? "crypto.subtle.verify('Ed25519')" : 'ed25519.verify (@noble/curves)',
    measurement: paired(rates.pipeline, rates.raw),
    stages: await stageTimes(input.text, trust, at, provider),
  };
}

const page: BenchPage = { run, ed25519Supported: () => isEd25519Supported() };
window.thonghanhBench = page;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
