import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../lib/dates.js';
import { TextField } from './field.js';

/** `15/8/2021`, `15-08-2021`, `15.08.2021` → `2021-08-15`; null when it is not a real day. */
export function parseDay(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date typed the Vietnamese way, dd/mm/yyyy, whatever the browser's language (the native
 * date picker follows the browser's, not the page's). The value given and taken is
 * `YYYY-MM-DD` (or '' when empty or not a date). `onValidity` tells the form whether the
 * text is a real day (or empty): '' alone cannot tell "left empty" from "31/13/2026", and a
 * form that took it for empty would submit with the default instead of refusing.
 */
export function DateField({
  label,
  value,
  onValue,
  error,
  hint,
  required,
  onValidity,
}: {
  label: string;
  value: string;
  onValue: (iso: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  onValidity?: (ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDay(value));
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    // Follow changes made from outside (a reset), not the ones this field reports.
    setText((old) => (parseDay(old) === value ? old : formatDay(value)));
  }, [value]);
  const bad = touched && text.trim() !== '' && parseDay(text) === null;
  return (
    <TextField
      label={label}
      hint={hint ?? t('dates.hint')}
      value={text}
      inputMode="numeric"
      placeholder={t('dates.placeholder')}
      autoComplete="off"
      required={required}
      error={bad ? t('dates.invalid') : error}
      onValue={(v) => {
        setText(v);
        onValue(parseDay(v) ?? '');
        onValidity?.(v.trim() === '' || parseDay(v) !== null);
      }}
      onBlur={() => setTouched(true)}
    />
  );
}
