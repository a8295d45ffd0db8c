import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHECKPOINT_STATE_GUIDE,
  checkpointGuide,
  GUIDE_COLOURS,
  VERDICT_TEXT,
  VERDICTS,
  WARNING_TEXT,
  WARNINGS,
} from '@thonghanh/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_TOPICS } from './checkpoint-topics.js';
import { HELP_ROLES, HELP_TOPICS, helpTopic, topicsFor } from './help-topics.js';
import type { HelpBlock } from './help-types.js';
import { HelpBlocks, type HelpLinks } from './help-view.js';

const SRC = join(import.meta.dirname, '..');
const links: HelpLinks = { topic: (id) => `[${id}]`, pdf: (kind) => `[pdf:${kind}]` };

/** The text of a topic as the reader sees it (tags dropped, entities decoded). */
function rendered(id: string): string {
  const topic = helpTopic(id);
  if (!topic) throw new Error(`no topic ${id}`);
  const html = renderToStaticMarkup(createElement(HelpBlocks, { topic, links }));
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

const textsOf = (b: HelpBlock): string[] =>
  'p' in b ? [b.p] : 'steps' in b ? [...b.steps] : 'list' in b ? [...b.list] : 'note' in b ? [b.note] : [];

describe('help', () => {
  const meaning = rendered('y-nghia-ket-luan');

  it('explains every verdict code of core on the "Ý nghĩa từng kết luận" page, as on screen', () => {
    for (const v of VERDICTS) {
      const words = v === 'valid' ? 'HỢP LỆ' : VERDICT_TEXT[v].headline;
      expect(meaning, v).toContain(words);
    }
    const html = renderToStaticMarkup(
      createElement(HelpBlocks, { topic: helpTopic('y-nghia-ket-luan') as never, links }),
    );
    for (const v of VERDICTS) expect(html, v).toContain(`data-code="${v}"`);
    expect(meaning).toContain('KHÔNG HỢP LỆ ĐÃ BỊ THU HỒI');
    expect(meaning).toContain(VERDICT_TEXT.bad_signature.explanation);
    expect(meaning).toContain('Giấy đã hết hạn từ 00:00 07/09/2021.');
  });

  it('explains every warning, the device’s old lists included, and what the officer does next', () => {
    for (const w of [...WARNINGS, 'lists_stale'] as const) {
      const text = WARNING_TEXT[w].replace(/\{\w+\}.*$/, '').trim();
      expect(meaning, w).toContain(text);
    }
    const html = renderToStaticMarkup(
      createElement(HelpBlocks, { topic: helpTopic('y-nghia-ket-luan') as never, links }),
    );
    const entries = html.match(/data-code="/g)?.length ?? 0;
    expect(entries).toBeGreaterThanOrEqual(VERDICTS.length + WARNINGS.length + 2);
    expect(meaning.match(/Cán bộ làm gì/g)?.length).toBe(entries);
  });

  it('shows "cannot verify" as its own neutral state, apart from the invalid verdicts', () => {
    const html = renderToStaticMarkup(
      createElement(HelpBlocks, { topic: helpTopic('y-nghia-ket-luan') as never, links }),
    );
    expect(html).toMatch(
      /class="sign sign-headline sign-neutral"><span class="sign-icon" aria-hidden="true">\?<\/span> KHÔNG THỂ XÁC MINH/,
    );
    expect(meaning).toContain('Máy chưa tải được danh sách tin cậy nên không thể xác minh mã này.');
    expect(meaning).toContain('Đây KHÔNG phải kết luận "KHÔNG HỢP LỆ"');
  });

  it('lists every entry of the checkpoint guide somewhere in the checkpoint officer’s pages', () => {
    const all = CHECKPOINT_TOPICS.map((t) => rendered(t.id)).join(' ');
    const guide = checkpointGuide();
    for (const e of [...guide.verdicts, ...guide.warnings, ...guide.states]) expect(all, e.code).toContain(e.meaning);
  });

  it('has unique topic ids, links only to topics that exist, and marks bold words in pairs', () => {
    const ids = HELP_TOPICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of HELP_TOPICS) {
      expect(t.blocks.length, t.id).toBeGreaterThan(0);
      for (const b of t.blocks) {
        if ('see' in b) for (const id of b.see) expect(helpTopic(id), `${t.id} → ${id}`).toBeDefined();
        for (const text of textsOf(b)) expect(text.split('**').length % 2, `${t.id}: ${text}`).toBe(1);
      }
    }
  });

  it('writes pages for every role, its own first and the common ones last', () => {
    for (const role of HELP_ROLES) {
      const list = topicsFor(role);
      expect(list.length, role).toBeGreaterThan(0);
      expect(list[0]?.roles[0], role).toBe(role);
      expect(list.at(-1)?.id).toBe('dang-nhap-mat-khau');
    }
    expect(topicsFor('business_rep').map((t) => t.id)).toContain('nhap-danh-sach-tu-excel');
    expect(topicsFor('ward_officer').map((t) => t.id)).toContain('tiep-nhan-ho-so');
  });

  it('uses the glossary’s words for the dossier states', () => {
    const all = HELP_TOPICS.map((t) => t.blocks.flatMap(textsOf).join(' ')).join(' ');
    for (const state of [
      'Đã nộp, chờ Trạm Y tế xác nhận',
      'Trạm Y tế đã xác nhận, chờ UBND phường phê duyệt',
      'Trả lại để bổ sung',
      'Quá hạn xử lý',
      'Tạm dừng hoạt động',
    ])
      expect(all).toContain(state);
    expect(all).not.toMatch(/giấy phép đi lại|giấy thông hành/i);
  });

  it('draws signs in the checkpoint app’s colours', () => {
    const help = readFileSync(join(SRC, 'help/help.css'), 'utf8');
    const verdict = readFileSync(join(SRC, 'shared/verdict.css'), 'utf8');
    const checkpoint = readFileSync(join(SRC, 'checkpoint/checkpoint.css'), 'utf8');
    const rule = (css: string, selector: string) => {
      const i = css.indexOf(`${selector} {`);
      if (i < 0) throw new Error(`no rule ${selector}`);
      return css.slice(i, css.indexOf('}', i));
    };
    expect(verdict).toContain(`--good: ${GUIDE_COLOURS.good.fill};`);
    expect(verdict).toContain(`--bad: ${GUIDE_COLOURS.bad.fill};`);
    expect(verdict).toContain(`--warn-bg: ${GUIDE_COLOURS.warn.fill};`);
    expect(verdict).toContain(`--warn-ink: ${GUIDE_COLOURS.warn.ink};`);
    expect(rule(help, '.sign-good')).toContain(GUIDE_COLOURS.good.fill);
    expect(rule(help, '.sign-bad')).toContain(GUIDE_COLOURS.bad.fill);
    expect(rule(help, '.sign-neutral')).toContain(GUIDE_COLOURS.neutral.fill);
    for (const tone of ['good', 'bad'] as const) {
      expect(rule(checkpoint, `.notice-${tone}`)).toContain(GUIDE_COLOURS[tone].noticeFill);
      expect(rule(help, `.sign-notice-${tone}`)).toContain(GUIDE_COLOURS[tone].noticeFill);
      expect(rule(checkpoint, `.notice-${tone}`)).toContain(GUIDE_COLOURS[tone].noticeInk);
      expect(rule(help, `.sign-notice-${tone}`)).toContain(GUIDE_COLOURS[tone].noticeInk);
    }
    expect(rule(checkpoint, '.notice-warn')).toContain(GUIDE_COLOURS.warn.border);
    expect(help).toContain(GUIDE_COLOURS.warn.border);
    expect(checkpoint).toContain(`--brand: ${GUIDE_COLOURS.brand};`);
  });

  it('quotes the checkpoint app’s own words for its notices and states', () => {
    // JSX splits sentences around <strong> and {' '}: compare on text with that removed.
    const app = ['checkpoint/app.tsx', 'shared/verdict-view.tsx', 'shared/cannot-verify.ts']
      .map((f) => readFileSync(join(SRC, f), 'utf8'))
      .join(' ')
      .replace(/\{' '\}/g, ' ')
      .replace(/<\/?strong>/g, '')
      .replace(/\s+/g, ' ');
    for (const e of CHECKPOINT_STATE_GUIDE) {
      const words = [e.sign.title, e.sign.reason, e.sign.text].filter((s): s is string => !!s).join('…');
      const fragments = words
        .replaceAll('**', '…')
        .split(/…|\d+|—|"/)
        .map((f) => f.trim().replace(/^[:;,.\s]+|[:;,.\s]+$/g, ''))
        .filter((f) => f.length >= 6);
      for (const f of fragments) expect(app.includes(f), `${e.code}: "${f}" is not on screen`).toBe(true);
    }
  });
});
