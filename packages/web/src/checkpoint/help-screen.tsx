import { type MouseEvent, useEffect, useRef, useState } from 'react';
import { CHECKPOINT_TOPICS } from '../help/checkpoint-topics.js';
import { HelpBlocks, type HelpLinks } from '../help/help-view.js';
import type { Session } from './controller.js';
import { goToHelp, helpHref } from './help-hash.js';
import { kvGet } from './idb.js';
import '../help/help.css';
import './help-screen.css';

/**
 * The officer's help, inside the app and available offline (this module is a lazily loaded
 * chunk that the service worker precaches): every checkpoint topic on one page with a table
 * of contents, each verdict pictured as on screen. Opened by a `#huong-dan…` link, so the
 * phone's Back button closes it.
 */
export default function HelpScreen({ part, onClose }: { part: string; onClose: () => void }) {
  const top = useRef<HTMLHeadingElement>(null);
  const [ward, setWard] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    kvGet<Session>('session').then(
      (s) => setWard(s?.me.user.wardCode ?? null),
      () => setWard(null),
    );
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);
  useEffect(() => {
    const target = part ? document.getElementById(part) : null;
    if (target) target.scrollIntoView({ block: 'start' });
    else top.current?.focus();
  }, [part]);
  // Moving inside the help replaces its history entry: Back still closes it in one step.
  const move = (e: MouseEvent, id: string) => {
    e.preventDefault();
    goToHelp(id, true);
  };
  const links: HelpLinks = {
    topic: (id) => (
      <a href={helpHref(id)} onClick={(e) => move(e, id)}>
        {CHECKPOINT_TOPICS.find((t) => t.id === id)?.title ?? id}
      </a>
    ),
    pdf: (kind) =>
      ward && kind === 'checkpoint' ? (
        <>
          <a className="btn help-pdf-link" href={`/api/v1/wards/${ward}/guides/checkpoint.pdf`} download>
            Tải bản in (PDF, A4)
          </a>{' '}
          <span className="muted">{online ? 'Cần mạng để tải.' : 'Đang mất mạng: tải khi có mạng.'}</span>
        </>
      ) : null,
  };
  return (
    <div className="help-screen" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <header className="topbar help-topbar">
        <h1 className="topbar-title" id="help-title" ref={top} tabIndex={-1}>
          Hướng dẫn cán bộ tại chốt
        </h1>
        <button type="button" className="btn help-close" onClick={onClose}>
          Đóng
        </button>
      </header>
      <div className="content help">
        <nav aria-label="Mục lục hướng dẫn">
          <ol className="help-toc">
            {CHECKPOINT_TOPICS.map((t) => (
              <li key={t.id}>
                <a href={helpHref(t.id)} onClick={(e) => move(e, t.id)}>
                  {t.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        {CHECKPOINT_TOPICS.map((t) => (
          <section key={t.id} id={t.id} className="help-topic" aria-labelledby={`${t.id}-title`}>
            <h2 id={`${t.id}-title`}>{t.title}</h2>
            <p className="muted">{t.summary}</p>
            <HelpBlocks topic={t} links={links} level={3} />
          </section>
        ))}
      </div>
      <div className="bar">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          <span aria-hidden="true">◉ </span>Quay lại quét
        </button>
      </div>
    </div>
  );
}
