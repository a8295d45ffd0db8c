import { describe, expect, it } from 'vitest';
import { CHECKPOINT_STATE_GUIDE, checkpointGuide, GUIDE_COLOURS } from './checkpoint-guide.js';
import { VERDICT_TEXT, VERDICTS, WARNING_TEXT, WARNINGS } from './verdicts.js';

describe('checkpoint guide', () => {
  const guide = checkpointGuide();

  it('explains every verdict of verify(), valid first, with the glossary headline and what to do next', () => {
    expect(guide.verdicts.map((e) => e.code).sort()).toEqual([...VERDICTS].sort());
    expect(guide.verdicts[0]?.code).toBe('valid');
    for (const e of guide.verdicts) {
      expect(e.meaning.length, e.code).toBeGreaterThan(20);
      expect(e.next.length, e.code).toBeGreaterThan(0);
      if (e.code === 'valid') expect(e.sign).toMatchObject({ tone: 'good', icon: '✓', title: 'HỢP LỆ' });
      else
        expect(e.sign, e.code).toMatchObject({
          tone: 'bad',
          icon: '✕',
          title: 'KHÔNG HỢP LỆ',
          reason: VERDICT_TEXT[e.code as keyof typeof VERDICT_TEXT].headline,
        });
    }
  });

  it('fills the placeholders of the screen texts with example values', () => {
    const texts = [...guide.verdicts, ...guide.warnings].map((e) => e.sign.text ?? '');
    for (const t of texts) expect(t).not.toMatch(/\{\w+\}/);
    expect(guide.verdicts.find((e) => e.code === 'expired')?.sign.text).toBe('Giấy đã hết hạn từ 00:00 07/09/2021.');
  });

  it('explains every warning, the app’s lists_stale included, as an amber line', () => {
    expect(guide.warnings.map((e) => e.code)).toEqual([...WARNINGS, 'lists_stale']);
    for (const e of guide.warnings) {
      expect(e.sign).toMatchObject({ style: 'warning', tone: 'warn', icon: '⚠' });
      expect(e.sign.text?.startsWith('**Cảnh báo:** ')).toBe(true);
      expect(e.next.length).toBeGreaterThan(0);
    }
    expect(guide.warnings.find((e) => e.code === 'off_route')?.sign.text).toContain(WARNING_TEXT.off_route);
  });

  it('keeps "cannot verify" apart from the invalid verdicts: its own neutral sign, not a refusal', () => {
    const e = CHECKPOINT_STATE_GUIDE.find((s) => s.code === 'cannot_verify');
    expect(e?.sign).toMatchObject({ tone: 'neutral', icon: '?', title: 'KHÔNG THỂ XÁC MINH' });
    expect(e?.sign.text).toBe('Máy chưa tải được danh sách tin cậy nên không thể xác minh mã này.');
    expect(e?.decision).toBe('check');
    expect(e?.next.join(' ')).toMatch(/Bật mạng/);
    expect(e?.next.join(' ')).toMatch(/giấy tờ tùy thân/);
    expect(e?.next.join(' ')).toMatch(/Nhập tay/);
  });

  it('gives every app state a distinct code and an icon with words (never colour alone)', () => {
    const codes = CHECKPOINT_STATE_GUIDE.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of [...guide.verdicts, ...guide.warnings, ...CHECKPOINT_STATE_GUIDE]) {
      expect(s.sign.icon, s.code).toBeTruthy();
      expect((s.sign.title ?? s.sign.text ?? '').length, s.code).toBeGreaterThan(3);
    }
  });

  it('has a colour for every tone', () => {
    for (const tone of ['good', 'bad', 'warn', 'neutral'] as const)
      expect(GUIDE_COLOURS[tone].fill).toMatch(/^#[0-9a-f]{6}$/);
  });
});
