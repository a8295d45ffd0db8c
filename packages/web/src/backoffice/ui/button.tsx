import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from '../lib/router.js';

type Variant = 'primary' | 'secondary' | 'danger' | 'danger-solid';

const classes = (variant: Variant, small?: boolean, extra?: string) =>
  [
    'btn',
    variant === 'primary' ? 'btn-primary' : '',
    variant === 'danger' ? 'btn-danger' : '',
    variant === 'danger-solid' ? 'btn-danger btn-solid' : '',
    small ? 'btn-small' : '',
    extra ?? '',
  ]
    .filter(Boolean)
    .join(' ');

/** A button; `busy` disables it and says so to screen readers. */
export function Button({
  variant = 'secondary',
  small,
  busy,
  className,
  children,
  type = 'button',
  disabled,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  small?: boolean;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type={type}
      className={classes(variant, small, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, downloads). */
export function ButtonLink({
  to,
  variant = 'secondary',
  small,
  children,
  download,
  external,
}: {
  to: string;
  variant?: Variant;
  small?: boolean;
  children: ReactNode;
  download?: string | boolean;
  external?: boolean;
}) {
  if (download !== undefined || external) {
    return (
      <a className={classes(variant, small)} href={to} download={download === true ? '' : download || undefined}>
        {children}
      </a>
    );
  }
  return (
    <Link className={classes(variant, small)} to={to}>
      {children}
    </Link>
  );
}
