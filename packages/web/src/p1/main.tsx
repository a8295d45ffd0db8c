import { type VerifyResult, verify } from '@thonghanh/core';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { cryptoProvider } from '../shared/crypto.js';
import { formatAge, formatAgo, formatDateTime } from '../shared/format.js';
import { type Lists, loadLists } from '../shared/lists.js';
import { VerdictView } from '../shared/verdict-view.js';
import '../shared/verdict.css';

/** Lists older than this are flagged (the checkpoint app makes it configurable). */
const STALE_AFTER_MS = 24 * 3600_000;

/**
 * The page every permit QR opens. The permit travels in the fragment (#…), which browsers
 * never send to a server: verification happens here, against lists cached for offline use.
 */
function P1Page() {
  const [state, setState] = useState<{ result: VerifyResult; lists: Lists } | null>(null);
  useEffect(() => {
    const base = location.origin + location.pathname.replace(/\/p1(\.html)?$/, '');
    let run = 0;
    const check = async () => {
      const mine = ++run;
      setState(null);
      const text = `${base}/p1${location.hash}`;
      const crypto = await cryptoProvider();
      const lists = await loadLists(base, crypto);
      const result = await verify(text, { crypto, trust: lists.trust, revoked: lists.revoked });
      if (mine !== run) return; // a newer code arrived meanwhile
      setState({ result, lists });
      document.title = `${result.verdict === 'valid' ? 'HỢP LỆ' : 'KHÔNG HỢP LỆ'} — Kiểm tra giấy đi đường`;
    };
    check();
    // Another code opened in the same tab changes only the fragment: check it too.
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, []);
  if (!state) return <p className="freshness">Đang kiểm tra giấy đi đường…</p>;
  const { result, lists } = state;
  const oldest = Math.min(lists.trustFetchedAt ?? 0, lists.revokedFetchedAt ?? 0);
  const age = Date.now() - oldest;
  const appWarnings =
    result.verdict === 'valid' && (oldest === 0 || age > STALE_AFTER_MS)
      ? [{ code: 'lists_stale' as const, values: { age: oldest === 0 ? '' : formatAge(age) } }]
      : [];
  return (
    <main>
      <header className="brand">Thông hành · Kiểm tra giấy đi đường</header>
      <VerdictView result={result} appWarnings={appWarnings} />
      <p className="freshness">
        {oldest === 0
          ? 'Chưa tải được danh sách tin cậy và danh sách thu hồi: cần kết nối mạng một lần.'
          : `Danh sách tin cậy và thu hồi cập nhật lúc ${formatDateTime(new Date(oldest))} (${formatAgo(age)})${
              lists.offline ? ', đang dùng bản lưu trên máy vì không có mạng' : ''
            }.`}{' '}
        Kiểm tra ngay trên máy này: nội dung mã không được gửi đi đâu.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <P1Page />
  </StrictMode>,
);
