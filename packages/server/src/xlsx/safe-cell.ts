/**
 * A value for a spreadsheet cell that no spreadsheet will run as a formula. Text that
 * starts with = + - @, a tab or a carriage return (CSV/formula injection: OWASP) gets a
 * leading apostrophe, so that Excel and LibreOffice show it as the text it is even after the
 * cell is edited or the sheet saved as CSV. Numbers, dates and empty cells pass unchanged.
 * The import side refuses such text outright (staff/import/values.ts `looksLikeFormula`);
 * exports carry what people typed, so they neutralise it instead.
 */
export function safeCell(value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  const text = typeof value === 'string' ? value : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
