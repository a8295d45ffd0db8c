import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi.js';

/**
 * The back office's words. Vietnamese is the working language (GLOSSARY.md); a second
 * language is a second resource file with the same keys.
 */
void i18next.use(initReactI18next).init({
  lng: 'vi',
  fallbackLng: 'vi',
  resources: { vi: { translation: vi } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

export const i18n = i18next;
export const t = i18next.t.bind(i18next);

/** A key built at run time (an audit action, a server code): its text, or `fallback`. */
export function tDynamic(key: string, fallback: string, values?: Record<string, unknown>): string {
  return i18next.exists(key) ? String(i18next.t(key as never, values as never)) : fallback;
}
