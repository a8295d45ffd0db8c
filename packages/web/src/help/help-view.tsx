import { checkpointGuide, DECISION_TEXT, type GuideEntry, type ScreenSign } from '@thonghanh/core';
import { Fragment, type ReactNode } from 'react';
import type { GuidePdf, HelpBlock, HelpTopic } from './help-types.js';

/**
 * A help page as both apps show it (the back office inside its shell, the checkpoint app in
 * its help screen). The app supplies how links look: a topic link (its router, or a hash in
 * the checkpoint app) and the printable guide's download link (null when there is none,
 * e.g. signed out).
 */
export interface HelpLinks {
  topic: (id: string) => ReactNode;
  pdf: (kind: GuidePdf) => ReactNode | null;
}

/** `**…**` in a help text: the words the screen shows (a button, a field, a state) in bold. */
export function RichText({ text }: { text: string }) {
  const parts = text.split('**');
  return (
    <>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
        i % 2 === 1 ? <strong key={i}>{part}</strong> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}

/** The blocks of a topic; sub-headings one level below `level`. */
export function HelpBlocks({ topic, links, level = 2 }: { topic: HelpTopic; links: HelpLinks; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <div className="help-body">
      {topic.blocks.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a topic's blocks never move
        <Block key={i} block={b} links={links} H={H} topicId={topic.id} />
      ))}
    </div>
  );
}

function Block({
  block: b,
  links,
  H,
  topicId,
}: {
  block: HelpBlock;
  links: HelpLinks;
  H: 'h2' | 'h3';
  topicId: string;
}) {
  if ('h' in b)
    return (
      <H id={b.id ? `${topicId}-${b.id}` : undefined} className="help-h">
        {b.h}
      </H>
    );
  if ('p' in b)
    return (
      <p>
        <RichText text={b.p} />
      </p>
    );
  if ('steps' in b)
    return (
      <ol className="help-steps">
        {b.steps.map((s) => (
          <li key={s}>
            <RichText text={s} />
          </li>
        ))}
      </ol>
    );
  if ('list' in b)
    return (
      <ul className="help-list">
        {b.list.map((s) => (
          <li key={s}>
            <RichText text={s} />
          </li>
        ))}
      </ul>
    );
  if ('note' in b)
    return (
      <p className={`help-note help-note-${b.tone ?? 'info'}`}>
        <span className="help-note-icon" aria-hidden="true">
          {b.tone === 'warn' ? '⚠' : 'ℹ'}
        </span>{' '}
        <RichText text={b.note} />
      </p>
    );
  if ('guide' in b) return <GuideEntries kind={b.guide} codes={b.codes} anchor={guideAnchorOf(topicId)} />;
  if ('pdf' in b) {
    const link = links.pdf(b.pdf);
    return link ? <p className="help-pdf">{link}</p> : null;
  }
  return (
    <p className="help-see">
      <span>Xem thêm: </span>
      {b.see.map((id, i) => (
        <Fragment key={id}>
          {i > 0 ? ' · ' : null}
          {links.topic(id)}
        </Fragment>
      ))}
    </p>
  );
}

const GUIDE = checkpointGuide();

/** The page that explains every verdict: its entries are the ones links point at. */
export const VERDICTS_TOPIC = 'y-nghia-ket-luan';

/** The anchor of a verdict, warning or state in the help ("Ý nghĩa kết luận này" links to it). */
export const guideAnchor = (code: string) => `ket-luan-${code}`;

/** Anchors of a topic's guide entries: the canonical ones on the verdicts page, prefixed elsewhere (ids stay unique). */
const guideAnchorOf =
  (topicId: string) =>
  (code: string): string =>
    topicId === VERDICTS_TOPIC ? guideAnchor(code) : `${topicId}-${code}`;

/** Entries of the checkpoint guide, each pictured as on screen with its meaning and what to do. */
export function GuideEntries({
  kind,
  codes,
  anchor = guideAnchor,
}: {
  kind: 'verdicts' | 'warnings' | 'states';
  codes?: readonly string[];
  anchor?: (code: string) => string;
}) {
  const all: readonly GuideEntry[] = GUIDE[kind];
  const entries = codes ? codes.map((c) => all.find((e) => e.code === c)).filter((e) => e !== undefined) : all;
  return (
    <div className="guide-entries">
      {entries.map((e) => (
        <GuideEntryView key={e.code} entry={e} id={anchor(e.code)} />
      ))}
    </div>
  );
}

function GuideEntryView({ entry: e, id }: { entry: GuideEntry; id: string }) {
  return (
    <section className="guide-entry" id={id} aria-label={signLabel(e.sign)} data-code={e.code}>
      <div className="guide-screen">
        <ScreenSignView sign={e.sign} />
      </div>
      <dl className="guide-facts">
        <dt>Nghĩa là</dt>
        <dd>{e.meaning}</dd>
        <dt>Cán bộ làm gì</dt>
        <dd>
          {e.next.length === 1 ? (
            e.next[0]
          ) : (
            <ol>
              {e.next.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ol>
          )}
        </dd>
        {e.decision ? (
          <>
            <dt>Kết luận</dt>
            <dd className={`guide-decision guide-decision-${e.decision}`}>{DECISION_TEXT[e.decision]}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** The words of a sign without markup: "KHÔNG HỢP LỆ — ĐÃ BỊ THU HỒI". */
export function signLabel(s: ScreenSign): string {
  return [s.title, s.reason, s.style === 'headline' ? undefined : s.text]
    .filter(Boolean)
    .join(' — ')
    .replaceAll('**', '');
}

/** A sign drawn with the checkpoint app's icon, colours and words. */
export function ScreenSignView({ sign: s }: { sign: ScreenSign }) {
  const icon = (
    <span className="sign-icon" aria-hidden="true">
      {s.icon}
    </span>
  );
  switch (s.style) {
    case 'headline':
      return (
        <>
          <p className={`sign sign-headline sign-${s.tone}`}>
            {icon} {s.title}
            {s.reason ? <span className="sign-reason">{s.reason}</span> : null}
          </p>
          {s.text ? <p className="sign-text">{s.text}</p> : null}
        </>
      );
    case 'warning':
      return (
        <p className="sign sign-warning">
          {icon} <RichText text={s.text ?? ''} />
        </p>
      );
    case 'notice':
      return (
        <p className={`sign sign-notice sign-notice-${s.tone}`}>
          {icon} <RichText text={s.text ?? ''} />
        </p>
      );
    case 'status':
      return (
        <p className="sign sign-bar">
          <span className="sign-status">
            {icon} {s.title}
          </span>
        </p>
      );
  }
}
