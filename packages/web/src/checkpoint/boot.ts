import { type CryptoProvider, type VerifyResult, verify } from '@thonghanh/core';
import { cryptoProvider } from '../shared/crypto.js';
import type { Checkpoint, Me } from './api.js';
import type { Session, Settings } from './controller.js';
import { DEFAULT_SETTINGS } from './controller.js';
import { type FrameDecoder, mainThreadDecoder, workerDecoder } from './decoder.js';
import { kvGet } from './idb.js';
import warmupQrUrl from './warmup-qr.png?url';
import { prepareDecoder } from './zxing.js';

/**
 * What the app starts the moment it loads, in parallel: the decoder (compiled and warmed on
 * a bundled QR image, so the first real code is decoded at full speed), the crypto provider
 * and what the device remembers (session, checkpoint, settings).
 */

export interface Stored {
  session: Session | null;
  settings: Settings;
}

export interface Boot {
  params: URLSearchParams;
  /** The deployment's ORIGIN: where lists and the API are. */
  base: string;
  decoder: FrameDecoder;
  crypto: Promise<CryptoProvider>;
  /** Resolves with the result of verifying the warm-up code (for a warm render). */
  warm: Promise<VerifyResult | null>;
  stored: Promise<Stored>;
}

/** How many times the bundled code is decoded before the camera starts (3–5 suffice). */
const WARM_DECODES = 4;

async function warmUp(decoder: FrameDecoder, crypto: Promise<CryptoProvider>): Promise<VerifyResult | null> {
  await prepareDecoder();
  const blob = await (await fetch(warmupQrUrl)).blob();
  const image = await createImageBitmap(blob);
  let text = '';
  for (let i = 0; i < WARM_DECODES; i++) {
    const texts = await decoder.decodeImage(image);
    text = texts[0] ?? text;
  }
  image.close();
  if (!text) return null;
  // The verifier's code paths too (the code's key is in no trust list: unknown_key).
  const provider = await crypto;
  let result: VerifyResult | null = null;
  for (let i = 0; i < 3; i++)
    result = await verify(text, { crypto: provider, trust: { updated: 0, keys: [], ignored: [] } });
  return result;
}

async function readStored(): Promise<Stored> {
  try {
    const [session, settings] = await Promise.all([
      kvGet<{ me: Me; checkpoint: Checkpoint | null }>('session'),
      kvGet<Settings>('settings'),
    ]);
    return {
      session: session?.me && session.checkpoint ? { me: session.me, checkpoint: session.checkpoint } : null,
      settings: { ...DEFAULT_SETTINGS, ...settings },
    };
  } catch {
    return { session: null, settings: DEFAULT_SETTINGS };
  }
}

export function boot(): Boot {
  const params = new URLSearchParams(location.search);
  const base = location.origin + location.pathname.replace(/\/checkpoint(\.html)?\/?$/, '');
  let decoder: FrameDecoder;
  try {
    decoder = params.get('decoder') === 'worker' ? workerDecoder() : mainThreadDecoder();
  } catch {
    decoder = mainThreadDecoder();
  }
  const crypto =
    params.get('crypto') === 'noble'
      ? import('@thonghanh/core/noble').then(({ nobleProvider }) => nobleProvider())
      : cryptoProvider();
  const warm = warmUp(decoder, crypto).catch((e) => {
    console.error('warm-up', e);
    return null;
  });
  return { params, base, decoder, crypto, warm, stored: readStored() };
}
