import { nodeCryptoProvider } from '../../../server/src/crypto/node-provider.js';
import { type CryptoProvider, nobleProvider, webCryptoProvider } from '../../src/index.js';

/**
 * Every crypto provider the project ships: node:crypto (server, CLI), @noble/curves (browser
 * fallback) and WebCrypto (browsers; Node 20's has Ed25519). Suites that touch signatures
 * run once per provider, like Hono's common router suite: the verdict must not depend on it.
 */
export const PROVIDERS: readonly CryptoProvider[] = [nodeCryptoProvider, nobleProvider(), webCryptoProvider()];
