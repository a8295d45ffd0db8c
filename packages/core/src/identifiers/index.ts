export { type CccdError, type CccdInfo, type CccdOptions, type Gender, validateCccd } from './cccd.js';
export { type CccdCardDetails, type CccdCardQrError, parseCccdCardQr } from './cccd-card-details.js';
export { type CccdCardQr, cardMatchesHolder, readCccdCardQr } from './cccd-card-qr.js';
export { type CmndError, validateCmnd } from './cmnd.js';
export {
  type IdDocumentError,
  type IdDocumentOptions,
  type IdDocumentType,
  validateIdDocument,
} from './id-document.js';
export { type MobileError, type MobileNumber, validateMobile } from './mobile.js';
export { displayName, nameSearchKey, namesEqual, normalizeName } from './name.js';
export { type PassportError, type PassportOptions, validatePassport } from './passport.js';
export { type PersonNameError, validatePersonName } from './person-name.js';
export { CCCD_PROVINCES } from './provinces.js';
export { isValidTaxCode, type TaxCode, type TaxCodeError, taxCodeCheckDigit, validateTaxCode } from './tax-code.js';
