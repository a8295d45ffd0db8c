/**
 * Every ceiling on reading an uploaded staff list, in one place. A 10 MB upload may inflate
 * to gigabytes or hold one cell of 500 MiB; each cap below stops reading at the first byte
 * past it, so a refusal costs what was read until then and never more. The values leave
 * room for the largest list accepted (20,000 people, 15 columns, as Excel, LibreOffice or
 * Google Sheets write it, inline or shared strings).
 */
export const IMPORT_LIMITS = {
  /** Upload size (the multipart limit is the same 10 MB). */
  fileBytes: 10 * 1024 * 1024,
  /** Entries of the ZIP: an .xlsx from Excel has about a dozen. */
  zipEntries: 1000,
  /** The first worksheet, inflated. 20,000 rows × 15 inline-string cells ≈ 25 MB. */
  sheetBytes: 64 * 1024 * 1024,
  /** The shared strings table, inflated. */
  sharedStringsBytes: 32 * 1024 * 1024,
  /** Any other part read (workbook, relationships, styles), inflated. */
  partBytes: 8 * 1024 * 1024,
  /**
   * Inflated bytes per compressed byte, checked once an entry has produced `ratioFloorBytes`:
   * real sheets compress 5–30 times; a bomb thousands of times.
   */
  compressionRatio: 200,
  ratioFloorBytes: 512 * 1024,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
  /**
   * Characters of XML text between two tags (a cell's text, escaped: `&amp;` is 5 characters
   * for one), and within one tag (its name and attributes).
   */
  xmlTextChars: 6 * 32_767,
  xmlTagChars: 64 * 1024,
  /** Element nesting: a worksheet is 6 deep. */
  xmlDepth: 64,
  /** Elements in one part: 20,000 rows × 15 cells × 3 elements (c, is, t) ≈ 1,000,000. */
  xmlElements: 2_000_000,
  /** `<row>` elements read, empty ones included (data rows are capped by MAX_DATA_ROWS). */
  sheetRows: 100_000,
  /** Cells in one row: the template has 15 columns. */
  rowCells: 1000,
  /** Reading in the worker: heap ceiling and wall clock. */
  workerHeapMb: 256,
  workerYoungMb: 32,
  readTimeoutMs: 20_000,
  /** Files read at once, and waiting; past that, 503 `server_busy`. */
  workers: 2,
  queue: 8,
} as const;

export type ImportLimits = typeof IMPORT_LIMITS;
