// A labelled form field in the markup the public forms share: the label, a hint under it, the
// control (the page's own, with its aria attributes), and the error message below. `look` is
// the stylesheet's class prefix ("appeal" for appeals.css, "pledge" for pledges.css).
import type { ReactNode } from "react";

export function FormField({
  id,
  look,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  look: "appeal" | "pledge";
  label: ReactNode;
  /** Shown as `#<id>-hint`, for the control's aria-describedby. */
  hint?: ReactNode;
  /** Shown as `#<id>-error` when present. */
  error?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`${look}-field`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className={`${look}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className={`${look}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
