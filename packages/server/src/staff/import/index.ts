/** Staff list (danh sách người lao động) import: read, validate and report; no storage here. */
export { type Cell, SheetFileError, type SheetRow } from './cells.js';
export {
  columnLetter,
  fieldOfHeader,
  foldHeader,
  MAX_LENGTH,
  MAX_ROUTE_WARDS,
  matchHeader,
  STAFF_COLUMNS,
  STAFF_FIELDS,
  type StaffColumn,
  type StaffField,
} from './columns.js';
export {
  type CheckFileOptions,
  checkStaffSheet,
  type FileChecker,
  fileProblemResult,
  importStaffFile,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  type StaffImportOptions,
  type StaffImportResult,
  validateStaffSheet,
} from './import-staff-file.js';
export { IMPORT_LIMITS } from './limits.js';
export { readStaffSheet, type SheetReader, type StaffSheet } from './read-staff-sheet.js';
export { buildStaffTemplateCsv, buildStaffTemplateXlsx, GUIDE_SHEET, TEMPLATE_SHEET } from './template.js';
export {
  type AlreadyRegisteredLookup,
  EXAMPLE_PERSON,
  type Problem,
  type StaffEntry,
  type StaffRecord,
  StaffRowValidator,
  type StaffSchedule,
  type StaffValidationOptions,
  type StaffValidationResult,
  validateStaffRows,
  withRegisteredElsewhere,
} from './validate-rows.js';
