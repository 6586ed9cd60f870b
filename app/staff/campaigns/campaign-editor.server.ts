// Campaigns as the back office sees them: every status, with who wrote, submitted and
// published them. Reads filter by what the actor may see (app/staff/campaigns/campaign-state.ts);
// writes are guarded and audited in the same transaction as the change.
import { Prisma, type CampaignStatus, type PrisonerStatus } from "@prisma/client";

import { supportedLanguages, type Language } from "~/i18n";
import { pledgeCounts } from "~/pledges/pledge.server";
import { displayName } from "~/prisoners/person-name";
import type { Freshness } from "~/prisoners/status-report";
import { STATUS_REPORT_SELECT, toStatusReports } from "~/prisoners/status-report.server";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { formatDate, formatNumber, formatPersonName } from "~/utils/format";
import { localizedField } from "~/utils/localized";

import {
  TEMPLATE_PARTS,
  templateKey,
  TEXT_FIELDS,
  textKey,
  type CampaignFormValues,
  type FieldError,
  type ParsedCampaign,
} from "./campaign-form";
import { allowedTransitions, contributorsOf, contributorUpdate, editNeedsReview, INITIAL_CAMPAIGN_STATUS, mayEdit, mayView, type CampaignTransition } from "./campaign-state";

type StaffActor = Extract<Actor, { kind: "staff" }>;

const isModerator = (actor: StaffActor) => actor.roles.includes("moderator") || actor.roles.includes("admin");

export interface StaffCampaignRow {
  id: string;
  slug: string;
  status: CampaignStatus;
  title: string | null;
  author: string | null;
  updated: string;
  own: boolean;
  /** Proposed changes waiting for review. */
  pendingChanges: number;
}

/** Moderators see every campaign; campaigners their own and the public ones. */
export async function listStaffCampaigns(actor: StaffActor, language: Language): Promise<StaffCampaignRow[]> {
  const rows = await getPrisma().campaign.findMany({
    where: isModerator(actor) ? {} : { OR: [{ createdById: actor.id }, { status: { in: ["PUBLISHED", "CLOSED"] } }] },
    select: {
      id: true,
      slug: true,
      status: true,
      updatedAt: true,
      createdById: true,
      translations: true,
      createdBy: { select: { displayName: true } },
      _count: { select: { revisions: { where: { state: "PENDING" } } } },
    },
    orderBy: [{ updatedAt: "desc" }, { slug: "asc" }],
    take: 500,
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    status: row.status,
    title: localizedField(row.translations, language, "title")?.text ?? null,
    author: row.createdBy?.displayName ?? null,
    updated: formatDate(row.updatedAt.toISOString().slice(0, 10), "DAY", language),
    own: row.createdById === actor.id,
    pendingChanges: row._count.revisions,
  }));
}

export interface EditorOption {
  id: string;
  label: string;
  hint: string | null;
  /** Prisoners only: the status and how fresh its report is, so nobody who died or was released lands in a release appeal unnoticed. */
  status?: { value: PrisonerStatus; freshness: Freshness; reportedOn: string | null };
}

/** The prisoners (from the directory) and officials a campaign can name. */
export async function listEditorOptions(language: Language): Promise<{ prisoners: EditorOption[]; officials: EditorOption[] }> {
  const prisma = getPrisma();
  const [prisoners, officials] = await Promise.all([
    // A published campaign must not name someone whose profile is still a draft.
    prisma.prisoner.findMany({
      where: { draft: false },
      select: { id: true, slug: true, names: { select: { script: true, givenName: true, patronymic: true, familyName: true } }, ...STATUS_REPORT_SELECT },
      orderBy: { slug: "asc" },
      take: 2000,
    }),
    prisma.official.findMany({ select: { id: true, slug: true, translations: true }, orderBy: { slug: "asc" }, take: 500 }),
  ]);
  return {
    prisoners: prisoners.map((prisoner) => {
      const { statusReport } = toStatusReports(prisoner, language);
      return {
        id: prisoner.id,
        label: formatPersonName(displayName(prisoner.names, language)),
        hint: null,
        status: { value: prisoner.status, freshness: statusReport.freshness, reportedOn: statusReport.report?.displayDate ?? null },
      };
    }),
    officials: officials.map((official) => ({
      id: official.id,
      label: localizedField(official.translations, language, "name")?.text ?? official.slug,
      hint: localizedField(official.translations, language, "position")?.text ?? null,
    })),
  };
}

export interface StaffCampaignView {
  id: string;
  slug: string;
  status: CampaignStatus;
  /** updatedAt in milliseconds: the form sends it back, so a save never overwrites a newer one. */
  version: string;
  author: string | null;
  submitter: string | null;
  publisher: string | null;
  reviewNote: string | null;
  title: string | null;
  values: CampaignFormValues;
  displayPledgeCount: string;
  displayActionCount: string;
  may: { edit: boolean } & Record<CampaignTransition, boolean>;
  /** This actor wrote to it or submitted it before publication (so someone else publishes it). */
  contributed: boolean;
}

/** Null when there is no such campaign or the actor may not see it (the route answers 404). */
export async function findStaffCampaign(actor: StaffActor, id: string, language: Language): Promise<StaffCampaignView | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const row = await getPrisma().campaign.findUnique({
    where: { id },
    include: {
      translations: true,
      appealTemplates: true,
      prisoners: { select: { prisonerId: true }, orderBy: { position: "asc" } },
      targets: { select: { officialId: true } },
      createdBy: { select: { displayName: true } },
      submittedBy: { select: { displayName: true } },
      publishedBy: { select: { displayName: true } },
      _count: { select: { actions: true } },
    },
  });
  if (!row || !mayView(actor, row)) return null;
  const pledges = await pledgeCounts({ campaignId: row.id });
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    version: String(row.updatedAt.getTime()),
    author: row.createdBy?.displayName ?? null,
    submitter: row.submittedBy?.displayName ?? null,
    publisher: row.publishedBy?.displayName ?? null,
    reviewNote: row.reviewNote,
    title: localizedField(row.translations, language, "title")?.text ?? null,
    values: formValuesOf(row),
    displayPledgeCount: formatNumber(pledges.total, language),
    displayActionCount: formatNumber(row._count.actions, language),
    may: { edit: mayEdit(actor, row), ...allowedTransitions(actor, row) },
    contributed: contributorsOf(row).includes(actor.id),
  };
}

/** A stored campaign as its editor's form holds it (what a revision stores and applies). */
function formValuesOf(row: {
  slug: string;
  goal: number | null;
  deadline: Date | null;
  translations: { locale: string; title: string; summary: string; ask: string }[];
  appealTemplates: ({ locale: string } & Record<(typeof TEMPLATE_PARTS)[number], string[]>)[];
  prisoners: { prisonerId: string }[];
  targets: { officialId: string }[];
}): CampaignFormValues {
  const texts: Record<string, string> = {};
  for (const language of supportedLanguages) {
    const translation = row.translations.find((candidate) => candidate.locale === language);
    for (const field of TEXT_FIELDS) texts[textKey(field, language)] = translation?.[field] ?? "";
    const template = row.appealTemplates.find((candidate) => candidate.locale === language);
    for (const part of TEMPLATE_PARTS) texts[templateKey(language, part)] = template ? template[part].join("\n") : "";
  }
  return {
    slug: row.slug,
    goal: row.goal === null ? "" : String(row.goal),
    deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : "",
    texts,
    prisoners: row.prisoners.map((prisoner) => prisoner.prisonerId),
    targets: row.targets.map((target) => target.officialId),
  };
}

/** The campaign's current form values and version, read in a transaction (null: no such campaign). */
export async function readCampaignFormValues(tx: Prisma.TransactionClient, id: string): Promise<{ values: CampaignFormValues; version: string; status: string } | null> {
  const row = await tx.campaign.findUnique({
    where: { id },
    include: {
      translations: true,
      appealTemplates: true,
      prisoners: { select: { prisonerId: true }, orderBy: { position: "asc" } },
      targets: { select: { officialId: true } },
    },
  });
  return row ? { values: formValuesOf(row), version: String(row.updatedAt.getTime()), status: row.status } : null;
}

export type SaveResult = { ok: true; id: string } | { ok: false; error: "not-found" | "forbidden" | "conflict" } | { ok: false; fieldErrors: Record<string, FieldError> };

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Keeps only ids that exist: a tampered checkbox value cannot break the save. */
async function existingIds(tx: Prisma.TransactionClient, campaign: ParsedCampaign) {
  const [prisoners, officials] = await Promise.all([
    tx.prisoner.findMany({ where: { id: { in: campaign.prisonerIds }, draft: false }, select: { id: true } }),
    tx.official.findMany({ where: { id: { in: campaign.targetIds } }, select: { id: true } }),
  ]);
  const prisonerSet = new Set(prisoners.map((prisoner) => prisoner.id));
  const officialSet = new Set(officials.map((official) => official.id));
  return { prisonerIds: campaign.prisonerIds.filter((id) => prisonerSet.has(id)), targetIds: campaign.targetIds.filter((id) => officialSet.has(id)) };
}

/**
 * Writes the campaign's content. `writtenBy` wrote it: a text they changed counts them among
 * its contributors, so they cannot also mark that translation reviewed.
 */
export async function writeContent(tx: Prisma.TransactionClient, id: string, campaign: ParsedCampaign, writtenBy: string | null) {
  const { prisonerIds, targetIds } = await existingIds(tx, campaign);
  await tx.campaignTranslation.deleteMany({ where: { campaignId: id, locale: { notIn: campaign.translations.map((row) => row.locale) } } });
  const before = new Map((await tx.campaignTranslation.findMany({ where: { campaignId: id } })).map((row) => [row.locale, row]));
  for (const translation of campaign.translations) {
    const { locale, ...text } = translation;
    const old = before.get(locale);
    const changed = !old || old.title !== text.title || old.summary !== text.summary || old.ask !== text.ask;
    const written = changed && writtenBy && !old?.contributorIds.includes(writtenBy) ? { contributorIds: { push: writtenBy } } : {};
    await tx.campaignTranslation.upsert({
      where: { campaignId_locale: { campaignId: id, locale } },
      create: { campaignId: id, ...translation, contributorIds: writtenBy ? [writtenBy] : [] },
      update: { ...text, ...written },
    });
  }
  await tx.appealTemplate.deleteMany({ where: { campaignId: id, locale: { notIn: campaign.templates.map((row) => row.locale) } } });
  for (const template of campaign.templates) {
    const { locale, ...parts } = template;
    await tx.appealTemplate.upsert({ where: { campaignId_locale: { campaignId: id, locale } }, create: { campaignId: id, ...template }, update: parts });
  }
  await tx.campaignPrisoner.deleteMany({ where: { campaignId: id } });
  if (prisonerIds.length) await tx.campaignPrisoner.createMany({ data: prisonerIds.map((prisonerId, position) => ({ campaignId: id, prisonerId, position })) });
  await tx.campaignTarget.deleteMany({ where: { campaignId: id } });
  if (targetIds.length) await tx.campaignTarget.createMany({ data: targetIds.map((officialId) => ({ campaignId: id, officialId })) });
  return { prisoners: prisonerIds.length, targets: targetIds.length };
}

const summary = (campaign: ParsedCampaign, counts: { prisoners: number; targets: number }) => ({
  slug: campaign.slug,
  languages: campaign.translations.map((row) => row.locale),
  templates: campaign.templates.map((row) => row.locale),
  prisoners: counts.prisoners,
  targets: counts.targets,
});

export async function createCampaign(staff: { id: string }, campaign: ParsedCampaign, now: Date = new Date()): Promise<SaveResult> {
  try {
    return await getPrisma().$transaction(async (tx) => {
      if (await tx.campaign.findUnique({ where: { slug: campaign.slug }, select: { id: true } })) return { ok: false, fieldErrors: { slug: { code: "slug-taken" } } } as const;
      const created = await tx.campaign.create({
        data: { slug: campaign.slug, goal: campaign.goal, deadline: campaign.deadline, status: INITIAL_CAMPAIGN_STATUS, createdById: staff.id, contributorIds: [staff.id], createdAt: now },
        select: { id: true },
      });
      const counts = await writeContent(tx, created.id, campaign, staff.id);
      await audit(tx, staff, "campaign.created", { type: "Campaign", id: created.id }, summary(campaign, counts), now);
      return { ok: true, id: created.id } as const;
    });
  } catch (error) {
    // Two people taking the same slug at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: { code: "slug-taken" } } };
    throw error;
  }
}

/** Saves the content; refused if the campaign changed since the form was loaded (`version`). */
export async function saveCampaign(staff: { id: string }, actor: StaffActor, id: string, version: string, campaign: ParsedCampaign, now: Date = new Date()): Promise<SaveResult> {
  try {
    return await getPrisma().$transaction(async (tx) => {
      const row = await tx.campaign.findUnique({ where: { id }, select: { status: true, createdById: true, submittedById: true, contributorIds: true, updatedAt: true, slug: true } });
      if (!row || !mayView(actor, row)) return { ok: false, error: "not-found" } as const;
      if (!mayEdit(actor, row)) return { ok: false, error: "forbidden" } as const;
      // What is public changes only through a reviewed revision (app/staff/campaigns/campaign-revision.server.ts).
      if (editNeedsReview(row)) return { ok: false, error: "forbidden" } as const;
      if (campaign.slug !== row.slug && (await tx.campaign.findUnique({ where: { slug: campaign.slug }, select: { id: true } }))) {
        return { ok: false, fieldErrors: { slug: { code: "slug-taken" } } } as const;
      }
      // Guarded on status and version: a save racing a publish or another save loses cleanly.
      // The editor becomes a contributor: whoever changed it may not publish it (four eyes).
      const { count } = await tx.campaign.updateMany({
        where: { id, status: row.status, updatedAt: new Date(Number(version) || 0) },
        data: { slug: campaign.slug, goal: campaign.goal, deadline: campaign.deadline, updatedAt: now, ...contributorUpdate(row, staff.id) },
      });
      if (count !== 1) return { ok: false, error: "conflict" } as const;
      const counts = await writeContent(tx, id, campaign, staff.id);
      await audit(tx, staff, "campaign.edited", { type: "Campaign", id }, { ...summary(campaign, counts), status: row.status }, now);
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: { code: "slug-taken" } } };
    throw error;
  }
}

/** A campaign can go to review only with a title in at least one language. */
export async function hasContent(id: string): Promise<boolean> {
  return (await getPrisma().campaignTranslation.count({ where: { campaignId: id, title: { not: "" } } })) > 0;
}
