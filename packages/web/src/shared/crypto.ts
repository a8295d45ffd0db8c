import { type CryptoProvider, isEd25519Supported, webCryptoProvider } from '@thonghanh/core';

let chosen: Promise<CryptoProvider> | undefined;

/**
 * WebCrypto where the browser verifies Ed25519 natively (fast); otherwise the pure
 * JavaScript fallback, loaded only then so most phones never download it.
 */
export function cryptoProvider(): Promise<CryptoProvider> {
  chosen ??= (async () => {
    if (globalThis.crypto?.subtle && (await isEd25519Supported())) return webCryptoProvider();
    const { nobleProvider } = await import('@thonghanh/core/noble');
    return nobleProvider();
  })();
  return chosen;
}
