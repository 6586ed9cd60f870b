// A table that may be wider than a phone: its wrapper scrolls sideways, and is focusable and
// named by the table's caption so that keyboard users can scroll it too.
import type { ReactNode } from "react";

export function ScrollTable({ className, captionId, children }: { className: string; captionId: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
