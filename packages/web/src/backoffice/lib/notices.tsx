import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

/**
 * Messages after an action ("Đã lưu", or the server's error), read out by screen readers:
 * successes in a polite `status` region, errors in an `alert` region. One at a time.
 */
export type NoticeKind = 'success' | 'error' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

interface NoticesState {
  notice: Notice | null;
  notify(text: string, kind?: NoticeKind): void;
  dismiss(): void;
}

const NoticesContext = createContext<NoticesState | null>(null);

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const seq = useRef(0);
  const notify = useCallback((text: string, kind: NoticeKind = 'success') => {
    seq.current++;
    setNotice({ id: seq.current, kind, text });
  }, []);
  const dismiss = useCallback(() => setNotice(null), []);
  const value = useMemo(() => ({ notice, notify, dismiss }), [notice, notify, dismiss]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesState {
  const n = useContext(NoticesContext);
  if (!n) throw new Error('useNotices outside NoticesProvider');
  return n;
}
