import { buildQrText, type Claims, createSigner, type PrivateJwk, type Signer, signClaims } from '@thonghanh/core';
import { nodeCryptoProvider } from '../crypto/node-provider.js';
import type { PermitPrintData } from './permit-print-data.js';

/**
 * Really signed permits for the benchmark and the mask study: the claims of each sample permit
 * signed with the example key of the spec's test vectors (a published test key, never a ward's),
 * so that the QR texts have the size and structure of real ones.
 */

export const SAMPLE_ORIGIN = 'https://giaydiduong.longbien.example';

/** The Ed25519 example key of packages/core/test/fixtures/permit-v1 (public: examples only). */
const EXAMPLE_JWK: PrivateJwk = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w',
  d: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE',
};

export function exampleSigner(): Promise<Signer> {
  return createSigner(EXAMPLE_JWK, nodeCryptoProvider);
}

const ID_TYPE = { CCCD: 1, CMND: 2, PASSPORT: 3 } as const;
const ISSUED_AT = Date.UTC(2021, 7, 15, 3) / 1000;

/** The claims a printed permit carries (spec §1), `i` making the token id unique. */
export function claimsOf(p: PermitPrintData, i: number): Claims {
  const cti = new Uint8Array(16);
  new DataView(cti.buffer).setUint32(12, i);
  cti[0] = 0x5a;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00+07:00`) / 1000;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return {
    iss: 'VN-01-004-00124',
    iat: ISSUED_AT,
    nbf: day(p.validFrom),
    exp: day(p.validTo) + 86_400,
    cti,
    permit: {
      serial: p.serial,
      holder: p.holder,
      idType: ID_TYPE[p.idType],
      idNumber: p.idNumber,
      unitTaxCode: '0100233488',
      unitName: p.unitName,
      ...(p.position ? { position: p.position } : {}),
      routeFrom: p.routeFrom,
      routeTo: p.routeTo,
      routeWards: ['00133', '00142', '00148'],
      ...(p.schedule
        ? {
            schedule: {
              mask: p.schedule.days.reduce((m, d) => m | (1 << (d - 1)), 0),
              start: minutes(p.schedule.start),
              end: minutes(p.schedule.end),
            },
          }
        : {}),
      purpose: p.purpose,
    },
  };
}

/** Signs the permit's claims and returns it with its QR text. */
export async function signPermit(p: PermitPrintData, i: number, signer: Signer): Promise<PermitPrintData> {
  const cose = await signClaims(claimsOf(p, i), signer, nodeCryptoProvider);
  return { ...p, qrText: buildQrText(SAMPLE_ORIGIN, cose) };
}
