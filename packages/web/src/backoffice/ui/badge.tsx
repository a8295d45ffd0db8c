import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'good' | 'bad' | 'warn' | 'overdue';

const ICONS: Record<Tone, string> = { neutral: '•', info: 'ℹ', good: '✓', bad: '✕', warn: '!', overdue: '⚠' };

/** A state as an icon and words: never colour alone. The icon is decoration for screen readers. */
export function Badge({ tone, children, icon }: { tone: Tone; children: ReactNode; icon?: string }) {
  return (
    <span className={`badge badge-${tone}`}>
      <span className="badge-icon" aria-hidden="true">
        {icon ?? ICONS[tone]}
      </span>
      {children}
    </span>
  );
}
