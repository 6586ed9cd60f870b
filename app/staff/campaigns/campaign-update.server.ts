// Campaign updates in the back office: written by whoever may edit the campaign, published by
// a moderator who did not write them (campaign-update-state.ts). Every move is one guarded
// UPDATE … WHERE state IN (its from states) with an audit entry in the same transaction, and
// "publish" is also guarded on the version the reviewer read (updatedAt), so an edit saved
// meanwhile is never published unread. The content-revision triggers on "CampaignUpdate" and
// "CampaignUpdateTranslation" refresh the public pages and feeds.
import type { CampaignUpdateState, Prisma } from "@prisma/client";

import type { Language } from "~/i18n";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { formatDate } from "~/utils/format";
import { localizedField } from "~/utils/localized";

import { mayView } from "./campaign-state";
import { campaignUpdateLifecycle, EDITABLE_UPDATE_STATES, mayEditUpdate, mayMoveUpdate, mayReviewUpdate, mayWriteUpdates, type CampaignUpdateMove } from "./campaign-update-state";
import { valuesOfUpdate, type ParsedUpdate, type UpdateFormValues } from "./campaign-update-form";

type StaffActor = Extract<Actor, { kind: "staff" }>;
type Tx = Prisma.TransactionClient;

export type UpdateWriteResult = { ok: true; updateId: string } | { ok: false; error: "not-found" | "forbidden" | "conflict" };
export type UpdateMoveResult = { ok: true } | { ok: false; error: "not-found" | "forbidden" | "conflict" | "changed" };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const campaignSelect = { id: true, slug: true, status: true, createdById: true, submittedById: true, contributorIds: true, translations: true } as const;

/** The campaign as this actor may see it in the back office, or null. */
export async function findUpdatesCampaign(actor: StaffActor, campaignId: string, tx: Tx = getPrisma()) {
  if (!ID_PATTERN.test(campaignId)) return null;
  const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: campaignSelect });
  return campaign && mayView(actor, campaign) ? campaign : null;
}

async function replaceTexts(tx: Tx, updateId: string, update: ParsedUpdate) {
  await tx.campaignUpdateTranslation.deleteMany({ where: { updateId } });
  await tx.campaignUpdateTranslation.createMany({ data: update.translations.map((translation) => ({ updateId, ...translation })) });
}

/**
 * Saves an update: a new one (updateId null) or its author's draft or returned one. With
 * `submit`, it goes to review in the same transaction. `version` is the edited update's
 * updatedAt in ms as the form showed it: a form older than the last save is refused.
 */
export async function saveUpdate(
  staff: { id: string },
  actor: StaffActor,
  campaignId: string,
  updateId: string | null,
  version: string,
  update: ParsedUpdate,
  { submit = false, now = new Date() }: { submit?: boolean; now?: Date } = {},
): Promise<UpdateWriteResult> {
  return getPrisma().$transaction(async (tx) => {
    const campaign = await findUpdatesCampaign(actor, campaignId, tx);
    if (!campaign) return { ok: false, error: "not-found" } as const;
    if (!mayWriteUpdates(actor, campaign)) return { ok: false, error: "forbidden" } as const;
    const state: CampaignUpdateState = submit ? "IN_REVIEW" : "DRAFT";
    let id: string;
    if (updateId === null) {
      id = (await tx.campaignUpdate.create({ data: { campaignId, authorId: staff.id, state, createdAt: now, updatedAt: now }, select: { id: true } })).id;
    } else {
      if (!ID_PATTERN.test(updateId)) return { ok: false, error: "not-found" } as const;
      const row = await tx.campaignUpdate.findUnique({ where: { id: updateId }, select: { campaignId: true, authorId: true, state: true, updatedAt: true } });
      if (!row || row.campaignId !== campaignId) return { ok: false, error: "not-found" } as const;
      if (!mayEditUpdate(actor, row)) return { ok: false, error: "forbidden" } as const;
      // A form older than the last save (or a move since): the author gets their text back and reloads.
      if (String(row.updatedAt.getTime()) !== version) return { ok: false, error: "conflict" } as const;
      const { count } = await tx.campaignUpdate.updateMany({
        where: { id: updateId, state: { in: [...EDITABLE_UPDATE_STATES] }, updatedAt: row.updatedAt },
        // A returned update stays returned (with its note) until it is sent again.
        data: { updatedAt: now, ...(submit ? { state, reviewNote: null } : {}) },
      });
      if (count !== 1) return { ok: false, error: "conflict" } as const;
      id = updateId;
    }
    await replaceTexts(tx, id, update);
    await audit(tx, staff, "campaign.update.save", { type: "Campaign", id: campaignId }, { update: id, languages: update.translations.map((translation) => translation.locale) }, now);
    if (submit) await audit(tx, staff, campaignUpdateLifecycle.moves.submit.audit, { type: "Campaign", id: campaignId }, { update: id }, now);
    return { ok: true, updateId: id } as const;
  });
}

/** One named move of an existing update (submit, publish, return). `note` only for "return". */
export async function moveUpdate(
  staff: { id: string },
  actor: StaffActor,
  campaignId: string,
  updateId: string,
  move: CampaignUpdateMove,
  { version = "", note = null, now = new Date() }: { version?: string; note?: string | null; now?: Date } = {},
): Promise<UpdateMoveResult> {
  return getPrisma().$transaction(async (tx) => {
    const campaign = await findUpdatesCampaign(actor, campaignId, tx);
    if (!campaign || !ID_PATTERN.test(updateId)) return { ok: false, error: "not-found" } as const;
    const row = await tx.campaignUpdate.findUnique({ where: { id: updateId }, select: { campaignId: true, authorId: true, state: true, updatedAt: true } });
    if (!row || row.campaignId !== campaignId) return { ok: false, error: "not-found" } as const;
    if (!campaignUpdateLifecycle.allows(move, row.state)) return { ok: false, error: "conflict" } as const;
    if (!mayMoveUpdate(actor, row, move)) return { ok: false, error: "forbidden" } as const;
    // Exactly what the reviewer read, or nothing.
    if (move === "publish" && version !== String(row.updatedAt.getTime())) return { ok: false, error: "changed" } as const;
    const data: Prisma.CampaignUpdateUpdateManyMutationInput = { state: campaignUpdateLifecycle.moves[move].to };
    if (move === "publish") Object.assign(data, { reviewerId: staff.id, publishedAt: now, reviewNote: null });
    if (move === "return") Object.assign(data, { reviewerId: staff.id, reviewNote: note, updatedAt: now });
    if (move === "submit") Object.assign(data, { reviewNote: null, updatedAt: now });
    const where: Prisma.CampaignUpdateWhereInput = { id: updateId, state: { in: campaignUpdateLifecycle.fromStates(move) } };
    if (move === "publish") where.updatedAt = row.updatedAt;
    const { count } = await tx.campaignUpdate.updateMany({ where, data });
    if (count !== 1) return { ok: false, error: "conflict" } as const;
    await audit(tx, staff, campaignUpdateLifecycle.moves[move].audit, { type: "Campaign", id: campaignId }, { update: updateId }, now);
    return { ok: true } as const;
  });
}

/** Every update of the campaign for the back office, newest first, with what this actor may do. */
export async function listStaffUpdates(actor: StaffActor, campaignId: string, language: Language) {
  const rows = await getPrisma().campaignUpdate.findMany({
    where: { campaignId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    include: { translations: true, author: { select: { displayName: true } }, reviewer: { select: { displayName: true } } },
  });
  const day = (date: Date) => formatDate(date.toISOString().slice(0, 10), "DAY", language);
  return rows.map((row) => ({
    id: row.id,
    state: row.state,
    version: String(row.updatedAt.getTime()),
    title: localizedField(row.translations, language, "title")?.text ?? "",
    texts: row.translations
      .map((translation) => ({ locale: translation.locale, title: translation.title, body: translation.body }))
      .sort((a, b) => a.locale.localeCompare(b.locale)),
    values: valuesOfUpdate(row.translations),
    author: row.author?.displayName ?? null,
    reviewer: row.reviewer?.displayName ?? null,
    reviewNote: row.reviewNote,
    written: day(row.createdAt),
    published: row.publishedAt ? day(row.publishedAt) : null,
    may: {
      edit: mayEditUpdate(actor, row),
      submit: mayMoveUpdate(actor, row, "submit"),
      review: row.state === "IN_REVIEW" && mayReviewUpdate(actor, row),
    },
  }));
}

export type StaffUpdate = Awaited<ReturnType<typeof listStaffUpdates>>[number];
export type { UpdateFormValues };
