// The pages a private link from an email lands on (confirm, answer, manage, erase, export).
// Mail scanners open links by themselves, so GET only shows an AskPage whose buttons POST;
// what the POST did (or why the link is no good) is a LinkAnswer page. Both come in the two
// looks of the public stylesheets: appeals.css and pledges.css.
import type { MetaDescriptor } from "@remix-run/node";
import type { ReactNode } from "react";

import { errorPageMeta } from "~/utils/meta";

const LOOKS = {
  appeals: {
    page: "appeal",
    answer: "appeal appeal-outcome",
    lead: "appeal__lead",
    hint: "appeal-hint",
    actions: "appeal-actions",
    primary: "appeal-button",
    secondary: "appeal-button appeal-button--secondary",
    // appeals.css has no button for a destructive act: the plain one.
    danger: "appeal-button",
  },
  pledges: {
    page: "pledge-page",
    answer: "pledge-page",
    lead: "pledge-lead",
    hint: "pledge-hint",
    actions: "pledge-actions",
    primary: "pledge-button",
    secondary: "pledge-button pledge-button--secondary",
    danger: "pledge-button pledge-button--danger",
  },
} as const;

export type PageLook = keyof typeof LOOKS;

/** A private link's page: its title only (no canonical, no alternates), and not for search engines. */
export function privateLinkMeta({
  data,
  matches,
  error,
}: {
  data: { meta: { title: string } } | undefined;
  matches: readonly { id: string; data: unknown }[];
  error?: unknown;
}): MetaDescriptor[] {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
}

/** What became of the link: a title, one sentence (announced when it answers a button), and whatever follows. */
export function LinkAnswer({
  look,
  id,
  title,
  lead,
  announce = true,
  children,
}: {
  look: PageLook;
  id: string;
  title: ReactNode;
  lead: ReactNode;
  /** The page answers a button just pressed: its sentence is a status message. */
  announce?: boolean;
  children?: ReactNode;
}) {
  const classes = LOOKS[look];
  return (
    <article className={classes.answer} aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <p className={classes.lead} role={announce ? "status" : undefined}>
        {lead}
      </p>
      {children}
    </article>
  );
}

export interface AskButton {
  label: ReactNode;
  /** Posted as name=value, for pages with more than one button. */
  name?: string;
  value?: string;
  kind?: "primary" | "secondary" | "danger";
}

/** The page a link shows on GET: what it is about, and buttons that POST (to `action`, or to the page itself). */
export function AskPage({
  look,
  id,
  title,
  lead,
  buttons,
  note,
  action,
  grouped = false,
  children,
  footer,
}: {
  look: PageLook;
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  buttons: AskButton[];
  note: ReactNode;
  action?: string;
  /** Lay the buttons out side by side (the stylesheet's actions row). */
  grouped?: boolean;
  /** Shown between the lead and the buttons. */
  children?: ReactNode;
  /** Shown after the note. */
  footer?: ReactNode;
}) {
  const classes = LOOKS[look];
  return (
    <article className={classes.page} aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {lead ? <p className={classes.lead}>{lead}</p> : null}
      {children}
      <form method="post" action={action} className={grouped ? classes.actions : undefined}>
        {buttons.map((button, index) => (
          <button key={button.value ?? index} type="submit" name={button.name} value={button.value} className={classes[button.kind ?? "primary"]}>
            {button.label}
          </button>
        ))}
      </form>
      <p className={classes.hint}>{note}</p>
      {footer}
    </article>
  );
}
