// A campaign's embed settings in the back office: the partner origins allowed to frame it
// (saved at once by whoever mayChangeEmbedOrigins allows, audited) and the snippet partners copy.
import { EMBED_PARTNER_FIELD, embedPath } from "~/campaigns/embed.server";
import { readEmbedOrigins, type EmbedOriginError } from "~/campaigns/embed-origins";
import type { Language } from "~/i18n";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { formatNumber } from "~/utils/format";

import { mayChangeEmbedOrigins, mayView } from "./campaign-state";

type StaffActor = Extract<Actor, { kind: "staff" }>;

/** Plain http partner pages (localhost only) are accepted only while Listy itself is not on https. */
export const allowsLocalOrigins = (siteOrigin: string) => !siteOrigin.startsWith("https:");

export type EmbedOriginsSave =
  | { ok: true }
  | { ok: false; error: "not-found" | "forbidden" }
  | { ok: false; text: string; fieldError: EmbedOriginError; line: string };

export async function saveEmbedOrigins(staff: { id: string }, actor: StaffActor, id: string, typed: unknown, siteOrigin: string, now = new Date()): Promise<EmbedOriginsSave> {
  const read = readEmbedOrigins(typed, { allowLocal: allowsLocalOrigins(siteOrigin) });
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.campaign.findUnique({ where: { id }, select: { status: true, createdById: true, submittedById: true, contributorIds: true, updatedAt: true, embedOrigins: true } });
    if (!row || !mayView(actor, row)) return { ok: false, error: "not-found" } as const;
    if (!mayChangeEmbedOrigins(actor, row)) return { ok: false, error: "forbidden" } as const;
    if (!read.ok) return { ok: false, text: read.text, fieldError: read.error, line: read.line } as const;
    // The content's version stays: a form open on the campaign's texts is not made stale by this.
    await tx.campaign.update({ where: { id }, data: { embedOrigins: read.origins, updatedAt: row.updatedAt } });
    await audit(tx, staff, "campaign.embed-origins", { type: "Campaign", id }, { before: row.embedOrigins, after: read.origins, status: row.status }, now);
    return { ok: true } as const;
  });
}

/** What the campaign's page shows about its embed: the list, who may change it, the code to copy. */
export async function embedSettings(actor: StaffActor, campaign: { id: string; slug: string; status: string; title: string | null }, language: Language, siteOrigin: string) {
  const row = await getPrisma().campaign.findUnique({ where: { id: campaign.id }, select: { status: true, createdById: true, submittedById: true, contributorIds: true, embedOrigins: true } });
  const origins = row?.embedOrigins ?? [];
  const src = `${siteOrigin}${embedPath(language, campaign.slug)}`;
  const counted = await getPrisma().embedPledgeCounter.findMany({ where: { campaignId: campaign.id }, select: { origin: true, count: true } });
  const countOf = new Map(counted.map((row) => [row.origin, row.count]));
  return {
    origins,
    // Pledges through each partner's embed (listed partners, then any no longer listed), and
    // the frame address that counts for that partner.
    partners: [...new Set([...origins, ...counted.map((row) => row.origin)])].map((origin) => ({
      origin,
      listed: origins.includes(origin),
      pledges: formatNumber(countOf.get(origin) ?? 0, language),
      src: `${src}?${EMBED_PARTNER_FIELD}=${encodeURIComponent(origin)}`,
    })),
    text: origins.join("\n"),
    mayChange: row ? mayChangeEmbedOrigins(actor, row) : false,
    published: campaign.status === "PUBLISHED" || campaign.status === "CLOSED",
    allowLocal: allowsLocalOrigins(siteOrigin),
    src,
    iframe: `<iframe src="${src}" title="${escapeAttribute(campaign.title ?? campaign.slug)}" width="100%" height="640" style="max-width:32rem;border:0" loading="lazy"></iframe>`,
    // Optional: sizes the frame to its content. Only messages from Listy's origin, and only a number, are taken.
    script: [
      "<script>",
      "window.addEventListener(\"message\", function (event) {",
      `  if (event.origin !== "${siteOrigin}" || !event.data || event.data.type !== "listy-embed-height") return;`,
      "  var height = Number(event.data.height);",
      "  if (!(height > 0 && height < 20000)) return;",
      "  document.querySelectorAll(\"iframe\").forEach(function (frame) {",
      "    if (frame.contentWindow === event.source) frame.style.height = height + \"px\";",
      "  });",
      "});",
      "</script>",
    ].join("\n"),
  };
}

const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
