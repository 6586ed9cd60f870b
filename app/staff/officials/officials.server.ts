// Officials (appeal targets) as reviewed reference data: reads and writes. A new official is a
// draft; each contact (email, web form, postal address) is proposed with its source and the
// date it was reported, and only an approved contact is copied onto the Official row, which
// is all that appeals and the publish check read. Every write is audited in its transaction.
import type { OfficialChannel, OfficialContactState, Prisma, PrismaClient } from "@prisma/client";

import { hasWorkingChannel, workingChannels, type WorkingChannels } from "~/appeals/channels";
import type { Language } from "~/i18n";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { localizedField } from "~/utils/localized";
import { romanize } from "~/utils/romanize";

import { CHANNEL_OF, CONTACT_CHANNELS, NEW_SOURCE, type ContactChannel, type ContactFields, type NewOfficialSource, type OfficialFields } from "./official-form";
import { contactLifecycle, mayApproveOfficial, mayDecideContact, type ContactDecision } from "./official-state";

type Tx = Prisma.TransactionClient | PrismaClient;

const CHANNEL_COLUMN = { EMAIL: "email", WEB_FORM: "webFormUrl", POSTAL: "postalAddress" } as const satisfies Record<OfficialChannel, string>;
const FORM_CHANNEL = { EMAIL: "email", WEB_FORM: "web-form", POSTAL: "postal" } as const satisfies Record<OfficialChannel, ContactChannel>;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export interface OfficialListRow {
  id: string;
  slug: string;
  name: string;
  position: string | null;
  institution: string | null;
  country: string;
  language: string;
  draft: boolean;
  channels: WorkingChannels;
  pending: number;
}

export async function listStaffOfficials(language: Language): Promise<OfficialListRow[]> {
  const rows = await getPrisma().official.findMany({
    orderBy: [{ country: "asc" }, { slug: "asc" }],
    take: 1000,
    include: { translations: true, _count: { select: { contacts: { where: { state: "PENDING" } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: localizedField(row.translations, language, "name")?.text ?? row.slug,
    position: localizedField(row.translations, language, "position")?.text ?? null,
    institution: row.institution,
    country: row.country,
    language: row.language,
    draft: row.draft,
    channels: workingChannels(row),
    pending: row._count.contacts,
  }));
}

export interface ContactView {
  id: string;
  channel: ContactChannel;
  value: string | null;
  source: string | null;
  reportedOn: string | null;
  state: OfficialContactState;
  author: string | null;
  reviewer: string | null;
  createdAt: string;
  decidedAt: string | null;
  may: { approve: boolean; reject: boolean };
}

/** One official as the back office shows it, with every contact ever proposed (its history). */
export async function findStaffOfficial(actor: Actor, id: string, language: Language) {
  const prisma = getPrisma();
  const row = await prisma.official.findUnique({
    where: { id },
    include: { translations: true, contacts: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { source: { select: { key: true, publication: true, title: true, publishedOn: true } } } } },
  });
  if (!row) return null;
  const staffIds = [row.createdById, row.approvedById, ...row.contacts.flatMap((contact) => [contact.authorId, contact.reviewerId])].filter((value): value is string => Boolean(value));
  const staff = await prisma.staffMember.findMany({ where: { id: { in: [...new Set(staffIds)] } }, select: { id: true, displayName: true } });
  const nameOf = (staffId: string | null) => (staffId ? (staff.find((member) => member.id === staffId)?.displayName ?? null) : null);
  const pending = row.contacts.filter((contact) => contact.state === "PENDING");
  const contacts: ContactView[] = row.contacts.map((contact) => ({
    id: contact.id,
    channel: FORM_CHANNEL[contact.channel],
    value: contact.value,
    source: contact.source ? [contact.source.publication, contact.source.title ? `“${contact.source.title}”` : null, day(contact.source.publishedOn)].filter(Boolean).join(", ") : null,
    reportedOn: day(contact.reportedOn),
    state: contact.state,
    author: nameOf(contact.authorId),
    reviewer: nameOf(contact.reviewerId),
    createdAt: day(contact.createdAt)!,
    decidedAt: day(contact.decidedAt),
    // A draft's contacts are approved with the official (one decision, one button).
    may: { approve: !row.draft && mayDecideContact(actor, contact, "approve"), reject: mayDecideContact(actor, contact, "reject") },
  }));
  // What the form starts from: the newest proposal of each channel, else the approved one.
  const formContacts = {} as Record<ContactChannel, ContactFields>;
  for (const channel of CONTACT_CHANNELS) {
    const current = row.contacts.find((contact) => FORM_CHANNEL[contact.channel] === channel && contact.state === "PENDING") ?? row.contacts.find((contact) => FORM_CHANNEL[contact.channel] === channel && contact.state === "APPROVED");
    const approvedValue = row[CHANNEL_COLUMN[CHANNEL_OF[channel]]];
    formContacts[channel] = current ? { value: current.value, source: current.source?.key ?? null, reportedOn: day(current.reportedOn) } : { value: approvedValue, source: null, reportedOn: null };
  }
  return {
    id: row.id,
    slug: row.slug,
    name: localizedField(row.translations, language, "name")?.text ?? row.slug,
    draft: row.draft,
    creator: nameOf(row.createdById),
    approver: nameOf(row.approvedById),
    channels: workingChannels(row),
    language: row.language,
    form: { country: row.country, language: row.language, institution: row.institution, translations: row.translations, contacts: formContacts },
    contacts,
    may: { approve: mayApproveOfficial(actor, row, pending.map((contact) => contact.authorId)) },
    /** The actor wrote part of this draft, so someone else approves it. */
    contributed: row.draft && actor.kind === "staff" && [row.createdById, ...row.contributorIds, ...pending.map((contact) => contact.authorId)].includes(actor.id),
  };
}

export type OfficialWriteResult = { ok: true; id: string } | { ok: false; error: "not-found" } | { ok: false; fieldErrors: Record<string, "invalid"> };

class UnknownSource extends Error {
  constructor(readonly channel: ContactChannel) {
    super(`unknown source for ${channel}`);
  }
}

/** Source keys (or the new source) as ids. */
async function resolveSources(tx: Tx, fields: OfficialFields): Promise<Map<string, string>> {
  const keys = CONTACT_CHANNELS.map((channel) => fields.contacts[channel].source).filter((key): key is string => Boolean(key) && key !== NEW_SOURCE);
  const rows = await tx.source.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  const ids = new Map(rows.map((row) => [row.key, row.id]));
  for (const channel of CONTACT_CHANNELS) {
    const key = fields.contacts[channel].source;
    if (key && key !== NEW_SOURCE && !ids.has(key)) throw new UnknownSource(channel);
  }
  if (fields.newSource && CONTACT_CHANNELS.some((channel) => fields.contacts[channel].source === NEW_SOURCE)) ids.set(NEW_SOURCE, await createSource(tx, fields.newSource));
  return ids;
}

async function createSource(tx: Tx, source: NewOfficialSource): Promise<string> {
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  const row = await tx.source.create({
    data: { key: `official-${source.publishedOn}-${random}`, publication: source.publication, title: source.title, url: source.url, publishedOn: new Date(`${source.publishedOn}T00:00:00.000Z`), datePrecision: "DAY" },
    select: { id: true },
  });
  return row.id;
}

/** A readable, unique address from the name: Latin when there is one, else romanized. */
async function freeSlug(tx: Tx, fields: OfficialFields): Promise<string> {
  const latin = fields.translations.find((row) => ["en", "pl", "lt"].includes(row.locale));
  const cyrillic = fields.translations.find((row) => row.locale === "be" || row.locale === "ru");
  const raw = latin ? latin.name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : cyrillic ? romanize(cyrillic.name, cyrillic.locale as "be" | "ru") : (fields.translations[0]?.name ?? "");
  const base =
    raw
      .toLowerCase()
      .replace(/ł/g, "l")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .slice(0, 6)
      .join("-") || "official";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.official.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

async function writeTranslations(tx: Tx, officialId: string, fields: OfficialFields) {
  await tx.officialTranslation.deleteMany({ where: { officialId, locale: { notIn: fields.translations.map((row) => row.locale) } } });
  for (const { locale, ...text } of fields.translations) {
    await tx.officialTranslation.upsert({ where: { officialId_locale: { officialId, locale } }, create: { officialId, locale, ...text }, update: text });
  }
}

/**
 * Proposes every contact that differs from what the form started from (the newest proposal,
 * else the approved one): a newer proposal takes the place of an older pending one.
 */
async function proposeContacts(tx: Tx, staff: { id: string }, officialId: string, fields: OfficialFields, sourceIds: Map<string, string>, now: Date): Promise<string[]> {
  const existing = await tx.officialContact.findMany({ where: { officialId, state: { in: ["PENDING", "APPROVED"] } }, include: { source: { select: { id: true } } } });
  const official = await tx.official.findUniqueOrThrow({ where: { id: officialId } });
  const proposed: string[] = [];
  for (const channel of CONTACT_CHANNELS) {
    const dbChannel = CHANNEL_OF[channel];
    const posted = fields.contacts[channel];
    const sourceId = posted.source ? (sourceIds.get(posted.source) ?? null) : null;
    const current = existing.find((contact) => contact.channel === dbChannel && contact.state === "PENDING") ?? existing.find((contact) => contact.channel === dbChannel && contact.state === "APPROVED");
    const currentValue = current ? current.value : official[CHANNEL_COLUMN[dbChannel]];
    const same = (currentValue ?? null) === posted.value && (posted.value === null || (current?.sourceId === sourceId && day(current?.reportedOn ?? null) === posted.reportedOn));
    if (same) continue;
    await tx.officialContact.updateMany({ where: { officialId, channel: dbChannel, state: { in: contactLifecycle.fromStates("supersede") } }, data: { state: contactLifecycle.moves.supersede.to, decidedAt: now } });
    const contact = await tx.officialContact.create({
      data: { officialId, channel: dbChannel, value: posted.value, sourceId: posted.value ? sourceId : null, reportedOn: posted.value && posted.reportedOn ? new Date(`${posted.reportedOn}T00:00:00.000Z`) : null, state: "PENDING", authorId: staff.id, createdAt: now },
    });
    await audit(tx, staff, "official.contact.propose", { type: "OfficialContact", id: contact.id }, { official: officialId, channel: dbChannel, removal: posted.value === null }, now);
    proposed.push(channel);
  }
  return proposed;
}

async function withSources<T>(prisma: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | { ok: false; fieldErrors: Record<string, "invalid"> }> {
  try {
    return await prisma.$transaction(work);
  } catch (error) {
    if (error instanceof UnknownSource) return { ok: false, fieldErrors: { [`${error.channel}-source`]: "invalid" } };
    throw error;
  }
}

/** A new official: a draft, its contacts pending, until a second person approves it. */
export async function createOfficial(staff: { id: string }, fields: OfficialFields, { now = new Date(), prisma = getPrisma() } = {}): Promise<OfficialWriteResult> {
  return withSources(prisma, async (tx) => {
    const sourceIds = await resolveSources(tx, fields);
    const official = await tx.official.create({
      data: { slug: await freeSlug(tx, fields), country: fields.country, language: fields.language, institution: fields.institution, draft: true, createdById: staff.id, createdAt: now },
      select: { id: true },
    });
    await writeTranslations(tx, official.id, fields);
    await audit(tx, staff, "official.create", { type: "Official", id: official.id }, { country: fields.country, language: fields.language }, now);
    await proposeContacts(tx, staff, official.id, fields, sourceIds, now);
    return { ok: true, id: official.id } as const;
  });
}

/** Names, language and institution change at once (audited); each changed contact is proposed. */
export async function updateOfficial(staff: { id: string }, id: string, fields: OfficialFields, { now = new Date(), prisma = getPrisma() } = {}): Promise<OfficialWriteResult> {
  return withSources(prisma, async (tx) => {
    const official = await tx.official.findUnique({ where: { id }, select: { draft: true, contributorIds: true } });
    if (!official) return { ok: false, error: "not-found" } as const;
    const sourceIds = await resolveSources(tx, fields);
    const contributorIds = official.draft && !official.contributorIds.includes(staff.id) ? [...official.contributorIds, staff.id] : official.contributorIds;
    await tx.official.update({ where: { id }, data: { country: fields.country, language: fields.language, institution: fields.institution, contributorIds } });
    await writeTranslations(tx, id, fields);
    await audit(tx, staff, "official.edit", { type: "Official", id }, { languages: fields.translations.map((row) => row.locale) }, now);
    await proposeContacts(tx, staff, id, fields, sourceIds, now);
    return { ok: true, id } as const;
  });
}

/** Copies an approved contact onto the official; the one it replaces is kept as history. */
async function applyContact(tx: Tx, contact: { id: string; officialId: string; channel: OfficialChannel; value: string | null }, staff: { id: string }, now: Date): Promise<boolean> {
  const { count } = await tx.officialContact.updateMany({ where: { id: contact.id, state: { in: contactLifecycle.fromStates("approve") } }, data: { state: "APPROVED", reviewerId: staff.id, decidedAt: now } });
  if (count !== 1) return false;
  await tx.officialContact.updateMany({ where: { officialId: contact.officialId, channel: contact.channel, state: { in: contactLifecycle.fromStates("replace") }, id: { not: contact.id } }, data: { state: "REPLACED" } });
  await tx.official.update({ where: { id: contact.officialId }, data: { [CHANNEL_COLUMN[contact.channel]]: contact.value } });
  await audit(tx, staff, "official.contact.approve", { type: "OfficialContact", id: contact.id }, { official: contact.officialId, channel: contact.channel }, now);
  return true;
}

export type DecideResult = { ok: true } | { ok: false; error: "not-found" | "forbidden" | "decided" };

/** A draft official approved with all its pending contacts, by someone who wrote none of it. */
export async function approveOfficial(staff: { id: string }, actor: Actor, id: string, now: Date = new Date()): Promise<DecideResult> {
  return getPrisma().$transaction(async (tx) => {
    const official = await tx.official.findUnique({ where: { id }, include: { contacts: { where: { state: "PENDING" } } } });
    if (!official) return { ok: false, error: "not-found" } as const;
    if (!official.draft) return { ok: false, error: "decided" } as const;
    if (!mayApproveOfficial(actor, official, official.contacts.map((contact) => contact.authorId))) return { ok: false, error: "forbidden" } as const;
    const { count } = await tx.official.updateMany({ where: { id, draft: true }, data: { draft: false, approvedById: staff.id, approvedAt: now } });
    if (count !== 1) return { ok: false, error: "decided" } as const;
    await audit(tx, staff, "official.approve", { type: "Official", id }, { contacts: official.contacts.length }, now);
    for (const contact of official.contacts) await applyContact(tx, contact, staff, now);
    return { ok: true } as const;
  });
}

export async function decideContact(staff: { id: string }, actor: Actor, officialId: string, contactId: string, decision: ContactDecision, now: Date = new Date()): Promise<DecideResult> {
  return getPrisma().$transaction(async (tx) => {
    const contact = await tx.officialContact.findFirst({ where: { id: contactId, officialId } });
    if (!contact) return { ok: false, error: "not-found" } as const;
    if (!contactLifecycle.allows(decision, contact.state)) return { ok: false, error: "decided" } as const;
    if (!mayDecideContact(actor, contact, decision)) return { ok: false, error: "forbidden" } as const;
    if (decision === "approve") return (await applyContact(tx, contact, staff, now)) ? ({ ok: true } as const) : ({ ok: false, error: "decided" } as const);
    const { count } = await tx.officialContact.updateMany({ where: { id: contactId, state: { in: contactLifecycle.fromStates("reject") } }, data: { state: "REJECTED", reviewerId: staff.id, decidedAt: now } });
    if (count !== 1) return { ok: false, error: "decided" } as const;
    await audit(tx, staff, "official.contact.reject", { type: "OfficialContact", id: contactId }, { official: officialId, channel: contact.channel }, now);
    return { ok: true } as const;
  });
}

/** The targets among `officialIds` that no appeal could reach (no approved channel), by name. */
export async function unreachableTargets(tx: Tx, officialIds: readonly string[], language: Language): Promise<string[]> {
  if (officialIds.length === 0) return [];
  const rows = await tx.official.findMany({ where: { id: { in: [...officialIds] } }, include: { translations: true }, orderBy: { slug: "asc" } });
  return rows.filter((row) => !hasWorkingChannel(row)).map((row) => localizedField(row.translations, language, "name")?.text ?? row.slug);
}

/** Targets whose own language has no appeal template among `templateLocales` (warned about, not refused). */
export async function targetsWithoutTemplate(officialIds: readonly string[], templateLocales: readonly string[], language: Language): Promise<{ name: string; language: string }[]> {
  if (officialIds.length === 0) return [];
  const rows = await getPrisma().official.findMany({ where: { id: { in: [...officialIds] } }, include: { translations: true }, orderBy: { slug: "asc" } });
  return rows.filter((row) => !templateLocales.includes(row.language)).map((row) => ({ name: localizedField(row.translations, language, "name")?.text ?? row.slug, language: row.language }));
}
