import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldBase {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown) {
  return [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
}

function FieldShell({ id, label, hint, error, className, children }: FieldBase & { id: string; children: ReactNode }) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-text" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField({
  label,
  hint,
  error,
  className,
  onValue,
  ...input
}: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & { onValue?: (v: string) => void }) {
  const auto = useId();
  const id = input.id ?? auto;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        type="text"
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        onChange={(e) => onValue?.(e.target.value)}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  className,
  onValue,
  ...input
}: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> & { onValue?: (v: string) => void }) {
  const auto = useId();
  const id = input.id ?? auto;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        onChange={(e) => onValue?.(e.target.value)}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  hint,
  error,
  className,
  options,
  onValue,
  placeholder,
  ...select
}: FieldBase &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
    options: Option[];
    onValue?: (v: string) => void;
    placeholder?: string;
  }) {
  const auto = useId();
  const id = select.id ?? auto;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <select
        {...select}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        onChange={(e) => onValue?.(e.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox({
  label,
  checked,
  onChecked,
  ...rest
}: { label: ReactNode; checked: boolean; onChecked: (v: boolean) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'checked' | 'type'
>) {
  const auto = useId();
  const id = rest.id ?? auto;
  return (
    <div className="checkbox">
      <input {...rest} id={id} type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
