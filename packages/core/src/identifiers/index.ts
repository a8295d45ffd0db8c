export { type CccdCardQr, cardMatchesHolder, readCccdCardQr } from './cccd-card-qr.js';
export { displayName, nameSearchKey, namesEqual, normalizeName } from './name.js';
export { isValidTaxCode, type TaxCode, type TaxCodeError, taxCodeCheckDigit, validateTaxCode } from './tax-code.js';
