/**
 * @thonghanh/core: the permit QR format v1 and the Vietnamese identifiers.
 * Pure TypeScript over web standards: no I/O, no Node-only imports.
 */

export {
  AUDIT_ACTIONS,
  AUDIT_DETAIL_FIELDS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditDetailField,
  type AuditEntityType,
} from './audit-actions.js';
export { base64urlDecode, base64urlEncode, bytesEqual, concatBytes, hexDecode, hexEncode } from './bytes.js';
export { CborError, decodeCbor } from './cbor/decode.js';
export { encodeCbor } from './cbor/encode.js';
export { CborFloat, CborMap, CborSimple, CborTag, type CborValue } from './cbor/types.js';
export {
  CHECKPOINT_STATE_GUIDE,
  type CheckpointGuide,
  checkpointGuide,
  DECISION_TEXT,
  GUIDE_COLOURS,
  GUIDE_EXAMPLE_VALUES,
  type GuideDecision,
  type GuideEntry,
  type GuideIcon,
  type GuideStyle,
  type GuideTone,
  type ScreenSign,
  VERDICT_GUIDE,
  WARNING_GUIDE,
} from './checkpoint-guide.js';
export {
  type ClaimProblem,
  type Claims,
  type CredentialKind,
  claimProblems,
  decodeClaims,
  encodeClaims,
  ID_TYPE,
  type IdType,
  type IdTypeName,
  ISSUER_PATTERN,
  MAX_VALIDITY_AFTER_SIGNING,
  type PermitFields,
  type Schedule,
  type UnitFields,
} from './claims.js';
export {
  type ClaimsJson,
  claimsFromJson,
  claimsToJson,
  daysToMask,
  hhmmToMinutes,
  maskToDays,
  minutesToHhmm,
  type PermitJson,
  type ScheduleJson,
  type UnitJson,
} from './claims-json.js';
export { decodeSign1, encodeSign1, type Sign1, sigStructure, verifySign1 } from './cose.js';
export { nobleProvider } from './crypto/noble.js';
export {
  type Alg,
  COSE_ALG,
  type CryptoProvider,
  type KeyHandle,
  type PrivateJwk,
  type PublicJwk,
} from './crypto/provider.js';
export { isEd25519Supported, webCryptoProvider } from './crypto/webcrypto.js';
export { bytesToDigits, digitsToBytes } from './digits.js';
export * from './identifiers/index.js';
export { algOfJwk, keyId, publicJwk, rawPublicKey } from './keys.js';
export { buildQrText, PATH_PREFIX, splitQrText } from './qr-text.js';
export type { Result } from './result.js';
export { fail, ok } from './result.js';
export {
  EMPTY_REVOCATION_LIST,
  loadRevocationList,
  newerRevocationList,
  REVOKED_FORMAT,
  type RevocationList,
  type RevocationListJson,
} from './revocation-list.js';
export { createSigner, lowS, type Signer, signClaims, signToQrText } from './sign.js';
export { fieldOfHeader, foldHeader, STAFF_FIELDS, STAFF_HEADERS, type StaffField } from './staff-list-headers.js';
export { codePointLength, isNfc, isWardCode, trimWhiteSpace } from './text-rules.js';
export { isoFromSeconds, parseIsoSeconds, VN_OFFSET_SECONDS } from './time.js';
export {
  loadTrustList,
  newerTrustList,
  TRUST_FORMAT,
  type TrustEntryJson,
  type TrustedKey,
  type TrustList,
  type TrustListJson,
  trustEntry,
} from './trust-list.js';
export {
  type AppWarning,
  fillText,
  VERDICT_TEXT,
  VERDICTS,
  type Verdict,
  WARNING_TEXT,
  WARNINGS,
  type Warning,
} from './verdicts.js';
export { type VerifyOptions, type VerifyResult, verify, withinSchedule } from './verify.js';
