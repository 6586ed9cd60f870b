import type { MetaDescriptor } from "@remix-run/node";

import { pathInLanguage, supportedLanguages, type Language } from "~/i18n";

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

/** Open Graph wants a territory with the language; these are the usual ones for each. */
export const OG_LOCALES: Record<Language, string> = {
  be: "be_BY",
  ru: "ru_RU",
  uk: "uk_UA",
  pl: "pl_PL",
  lt: "lt_LT",
  en: "en_GB",
};

interface ShareMetaInput {
  title: string;
  /** What a link preview says under the title (a profile's dated status, a campaign's summary). */
  description: string;
  siteName: string;
  language: Language;
  origin: string | undefined;
  pathname: string;
  type?: "website" | "profile" | "article";
  /** A generated share image on this site (app/utils/share-image.server.ts), 1200×630. */
  imagePath?: string;
}

/**
 * Open Graph and Twitter card tags for link previews: text and a generated text-only image
 * from this site, nothing from another site. The URL is the canonical one, the locale the page's, with the others as alternates.
 */
export function shareMeta({ title, description, siteName, language, origin, pathname, type = "website", imagePath }: ShareMetaInput): MetaDescriptor[] {
  // Crawlers need an absolute address; without a known origin there is no image tag.
  const image = origin && imagePath ? `${origin}${imagePath}` : null;
  const imageTags: MetaDescriptor[] = image
    ? [
        { property: "og:image", content: image },
        { property: "og:image:type", content: "image/png" },
        { property: "og:image:width", content: "1200" },
        { property: "og:image:height", content: "630" },
        { property: "og:image:alt", content: `${title}. ${description}` },
        { name: "twitter:image", content: image },
        { name: "twitter:image:alt", content: `${title}. ${description}` },
      ]
    : [];
  return [
    { property: "og:type", content: type },
    { property: "og:site_name", content: siteName },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    ...(origin ? [{ property: "og:url", content: `${origin}${pathname}` }] : []),
    { property: "og:locale", content: OG_LOCALES[language] },
    ...supportedLanguages
      .filter((other) => other !== language)
      .map((other) => ({ property: "og:locale:alternate", content: OG_LOCALES[other] })),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
    ...imageTags,
  ];
}

/** `<link rel="alternate" type="application/atom+xml">`: lets feed readers find a page's feed. */
export function atomFeedLink(href: string, title: string): MetaDescriptor {
  return { tagName: "link", rel: "alternate", type: "application/atom+xml", href, title };
}
