import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';
import './help-open.css';

/**
 * The checkpoint help's address: `#huong-dan` opens it, `#huong-dan/<part>` at a topic or a
 * verdict (`ket-luan-<code>`). Kept apart from the help itself so that the app's start bundle
 * holds only these few lines; the help is loaded when first opened (and precached).
 */
export const HELP_HASH = 'huong-dan';

export const helpHref = (part?: string) => `#${HELP_HASH}${part ? `/${part}` : ''}`;

/** The help's entry for a verdict or app state code (help/help-view.tsx `guideAnchor`). */
export const verdictHelpPart = (code: string) => `ket-luan-${code}`;

/** The part of the help the address asks for: '' for its top, null when it is closed. */
export function helpPartOf(hash: string): string | null {
  const h = decodeURIComponent(hash.replace(/^#/, ''));
  if (h === HELP_HASH) return '';
  return h.startsWith(`${HELP_HASH}/`) ? h.slice(HELP_HASH.length + 1) : null;
}

const changed = () => dispatchEvent(new HashChangeEvent('hashchange'));

/**
 * Opens the help (one history entry, so the phone's Back button closes it) or, from inside
 * it, moves to another part (replacing the entry).
 */
export function goToHelp(part: string, replace: boolean): void {
  const url = `${location.pathname}${location.search}${helpHref(part)}`;
  if (replace) history.replaceState(history.state, '', url);
  else history.pushState({ help: true }, '', url);
  changed();
}

/** Closes the help: back to the entry before it when the app opened it, else drops the hash. */
export function closeHelp(): void {
  if ((history.state as { help?: boolean } | null)?.help) history.back();
  else {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    changed();
  }
}

export function useHelpPart(): string | null {
  const [part, setPart] = useState(() => helpPartOf(location.hash));
  useEffect(() => {
    const on = () => setPart(helpPartOf(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return part;
}

/** A link into the help: a real `#huong-dan…` address that opens it in place. */
export function HelpOpenLink({
  part = '',
  className,
  label,
  children,
}: {
  part?: string;
  className?: string;
  label?: string;
  children: ReactNode;
}) {
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    goToHelp(part, helpPartOf(location.hash) !== null);
  };
  return (
    <a href={helpHref(part)} className={className} aria-label={label} onClick={open}>
      {children}
    </a>
  );
}
