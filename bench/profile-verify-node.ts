/**
 * Profiles the Node verification pipeline: run with
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-verify-node.ts [seconds]
 * then summarise with `node --import tsx bench/profile-summary.ts /tmp/prof/<file>.cpuprofile`.
 */
import { loadTrustList, verify } from '@thonghanh/core';
import { nodeCryptoProvider } from '../packages/server/src/crypto/node-provider.js';
import { loadFixture, loadTrustJson } from './fixtures.js';

const seconds = Number(process.argv[2] ?? 5);
const permit = loadFixture('reference-permit');
const loaded = await loadTrustList(loadTrustJson(), nodeCryptoProvider);
if (!loaded.ok) throw new Error(loaded.message);
const trust = loaded.value;
const at = new Date(permit.verifyAt);
const end = performance.now() + seconds * 1000;
let n = 0;
while (performance.now() < end) {
  for (let i = 0; i < 100; i++) {
    const r = await verify(permit.text, { crypto: nodeCryptoProvider, trust, at });
    if (r.verdict !== 'valid') throw new Error(r.verdict);
  }
  n += 100;
}
console.log(`${n} verifications in ${seconds} s: ${Math.round(n / seconds)}/s`);
