import { type CryptoProvider, type VerifyResult, verify } from '@thonghanh/core';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type CannotVerify, cannotVerify } from '../shared/cannot-verify.js';
import { cryptoProvider } from '../shared/crypto.js';
import { formatAge, formatAgo, formatDateTime } from '../shared/format.js';
import { type Lists, localStorageCache } from '../shared/lists.js';
import { ListsStore } from '../shared/lists-store.js';
import { VerdictView } from '../shared/verdict-view.js';
import '../shared/verdict.css';

/** Lists older than this are flagged (the checkpoint app makes it configurable). */
const STALE_AFTER_MS = 24 * 3600_000;

interface Checked {
  result: VerifyResult;
  lists: Lists;
  cannotVerify: CannotVerify | null;
}

const base = location.origin + location.pathname.replace(/\/p1(\.html)?$/, '');
const store = new ListsStore({ base, crypto: await cryptoProvider(), cache: localStorageCache });

async function check(crypto: CryptoProvider, lists: Lists): Promise<Checked> {
  const result = await verify(`${base}/p1${location.hash}`, { crypto, trust: lists.trust, revoked: lists.revoked });
  return { result, lists, cannotVerify: cannotVerify(result, lists, Date.now(), STALE_AFTER_MS) };
}

/**
 * The page every permit QR opens. The permit travels in the fragment (#…), which browsers
 * never send to a server: verification happens here, against lists kept for offline use
 * (this page's service worker keeps the page itself). Without a usable list the page says it
 * cannot verify, never that the permit is invalid; the lists are fetched again every minute,
 * every few seconds while they are missing, and when the network returns.
 */
function P1Page() {
  const [state, setState] = useState<Checked | null>(null);
  useEffect(() => {
    let run = 0;
    const show = async (lists: Lists | null) => {
      const mine = ++run;
      const crypto = await cryptoProvider();
      const checked = await check(crypto, lists ?? (await store.loadCached()));
      if (mine !== run) return; // a newer code or newer lists arrived meanwhile
      setState(checked);
      const r = checked.result;
      document.title = `${checked.cannotVerify ? 'KHÔNG THỂ XÁC MINH' : r.verdict === 'valid' ? 'HỢP LỆ' : 'KHÔNG HỢP LỆ'} — Kiểm tra giấy đi đường`;
    };
    // Another code opened in the same tab changes only the fragment: check it too.
    const onHash = () => {
      setState(null);
      void show(store.lists);
    };
    const unsubscribe = store.subscribe((lists) => void show(lists));
    void store.start();
    // A network that does not answer: after a few seconds, verify with the lists kept here.
    const patience = setTimeout(() => {
      if (!store.lists) void store.loadCached();
    }, 4_000);
    const online = () => void store.online();
    window.addEventListener('hashchange', onHash);
    window.addEventListener('online', online);
    return () => {
      clearTimeout(patience);
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', online);
    };
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
      <VerdictView
        result={result}
        appWarnings={appWarnings}
        cannotVerify={state.cannotVerify}
        advice={
          <p>
            <strong>Việc cần làm:</strong> bật kết nối mạng (dữ liệu di động hoặc Wi-Fi): trang tự tải danh sách và kiểm
            tra lại mã này. Kết quả này không có nghĩa là giấy giả.
          </p>
        }
      />
      <p className="freshness" data-testid="freshness">
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

// Keeps this page and its scripts on the phone, so a permit opens with no network once any
// permit was opened here (the lists are kept by the page itself, with their age).
if ('serviceWorker' in navigator && !new URLSearchParams(location.search).has('nosw')) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/p1-sw.js', { scope: '/p1' }).catch((e) => console.warn('service worker', e));
  });
}
