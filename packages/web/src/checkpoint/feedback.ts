/**
 * What the officer hears and feels with each verdict, so the eyes can stay on the
 * traveller: one high beep and a short buzz for a valid permit; two falling mid tones for a
 * valid one with warnings; three low buzzes and a long vibration for everything else; and
 * for "cannot verify" (no usable list: neither valid nor invalid) two soft rising tones, a
 * question, with short pulses. WebAudio tones, no sound files.
 */

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

type AudioCtor = typeof AudioContext;
let ctx: AudioContext | null = null;

/**
 * Creating an AudioContext opens the audio device: tens to hundreds of milliseconds on the
 * main thread. It is done on the officer's first tap, never on the way to a verdict.
 */
function audio(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor: AudioCtor | undefined =
    globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: AudioCtor }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    ctx = new Ctor();
  } catch {
    ctx = null;
  }
  return ctx;
}

/**
 * Browsers start audio only after a tap: call this from the officer's first tap (sign-in,
 * "Quét tiếp", anywhere on the page) so the first verdict is heard.
 */
export function unlockAudio(): void {
  const a = audio();
  if (a && a.state === 'suspended') void a.resume().catch(() => {});
}

const PATTERNS: Record<Tone, Array<{ freq: number; ms: number; gap: number; type: OscillatorType }>> = {
  good: [{ freq: 1320, ms: 140, gap: 0, type: 'sine' }],
  warn: [
    { freq: 880, ms: 120, gap: 70, type: 'sine' },
    { freq: 660, ms: 160, gap: 0, type: 'sine' },
  ],
  bad: [
    { freq: 220, ms: 180, gap: 80, type: 'square' },
    { freq: 220, ms: 180, gap: 80, type: 'square' },
    { freq: 220, ms: 260, gap: 0, type: 'square' },
  ],
  neutral: [
    { freq: 440, ms: 150, gap: 60, type: 'triangle' },
    { freq: 660, ms: 220, gap: 0, type: 'triangle' },
  ],
};

const VIBRATION: Record<Tone, number[]> = {
  good: [70],
  warn: [150, 80, 150],
  bad: [400, 120, 400, 120, 400],
  neutral: [60, 90, 60, 90, 60],
};

export function beep(tone: Tone, volume = 0.25): void {
  const a = ctx;
  if (a?.state !== 'running') return;
  let t = a.currentTime + 0.01;
  for (const p of PATTERNS[tone]) {
    const osc = a.createOscillator();
    const gain = a.createGain();
    osc.type = p.type;
    osc.frequency.value = p.freq;
    // Short ramps avoid clicks.
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(volume, t + 0.01);
    gain.gain.setValueAtTime(volume, t + p.ms / 1000 - 0.02);
    gain.gain.linearRampToValueAtTime(0, t + p.ms / 1000);
    osc.connect(gain).connect(a.destination);
    osc.start(t);
    osc.stop(t + p.ms / 1000 + 0.01);
    t += (p.ms + p.gap) / 1000;
  }
}

export function vibrate(tone: Tone): void {
  try {
    navigator.vibrate?.(VIBRATION[tone]);
  } catch {
    // not allowed before a tap, or not a phone
  }
}

export function signal(tone: Tone, sound = true): void {
  if (sound) beep(tone);
  vibrate(tone);
}
