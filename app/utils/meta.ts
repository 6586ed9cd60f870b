import type { MetaDescriptor } from "@remix-run/node";

import { pathInLanguage, supportedLanguages } from "~/i18n";

import { errorKind } from "./error-kind";

type RootMatch = { id: string; data: unknown };

/** The translated title of an error page, from the root loader's errorTitles. */
export function errorPageMeta(matches: readonly RootMatch[], error: unknown): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as
    | { errorTitles?: Record<string, string> }
    | undefined;
  const title = root?.errorTitles?.[errorKind(error).kind];
  return title ? [{ title }] : [];
}

/** The meta of a page no search engine should index (back office, private links): its title, or the error page's. */
export function noindexPageMeta({ data, matches, error }: { data: unknown; matches: readonly RootMatch[]; error?: unknown }): MetaDescriptor[] {
  const title = (data as { meta?: { title?: string } } | undefined)?.meta?.title;
  if (!data || title === undefined) return errorPageMeta(matches, error);
  return [{ title }, { name: "robots", content: "noindex" }];
}

export function originFrom(matches: readonly RootMatch[]): string | undefined {
  return (matches.find((match) => match.id === "root")?.data as { origin?: string } | undefined)?.origin;
}

interface PageMetaInput {
  title: string;
  description: string;
  origin: string | undefined;
  pathname: string;
}

/** Title, description, canonical URL and an hreflang alternate for every language. */
export function pageMeta({ title, description, origin, pathname }: PageMetaInput): MetaDescriptor[] {
  const base = origin ?? "";
  return [
    { title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: `${base}${pathname}` },
    ...supportedLanguages.map((language) => ({
      tagName: "link",
      rel: "alternate",
      hrefLang: language,
      href: `${base}${pathInLanguage(pathname, "", language)}`,
    })),
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: `${base}/` },
  ];
}
