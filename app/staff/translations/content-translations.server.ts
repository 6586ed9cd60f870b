// Content translations in the translation workspace: prisoners' summaries and biographies
// (PrisonerTranslation) and campaign texts (CampaignTranslation), each with a review state.
//
// Who decides what (app/staff/permissions.ts): translators hold translation:edit,
// moderators and admins also translation:review, with four eyes. So every save leaves the text
// NEEDS_REVIEW, whoever saves it, and someone with translation:review who wrote none of it
// marks it REVIEWED. Everyone who wrote to a text since its last review is in its
// contributorIds (the workspace, the campaign editor and the profile editor all add to it; a
// review empties it), and the newest writer is also read from the audit log (the newest
// translation.content.save) for texts that predate the column. The review form carries the
// version the reviewer read: a text changed since is not marked, and is shown again.
//
// Published profiles change only through review: a translation of a published profile becomes
// a PENDING PrisonerChange holding just summary.xx / biography.xx, which a moderator applies in
// the profile review queue. Draft profiles are written at once (writeProfileFields, with
// otherLanguagesNeedReview: false) and the change is recorded as APPLIED for the history.
//
// Campaign texts: saved directly while the campaign is a draft or in review, and the translator
// joins the campaign's contributors, who may not publish it; for a published
// campaign a save becomes a CampaignRevision (app/staff/campaigns/campaign-revision.server.ts) that a
// moderator other than the translator applies, like any edit of what is public. Closed
// campaigns are history.
//
// Facts (PrisonerFact, one text per language) follow the profile's path: a fact's text changes
// as the profile's whole fact list, a PENDING PrisonerChange for a published profile (applied
// by a moderator in the profile review queue), written at once for a draft. Charges (ChargeType
// names and explanations) follow the reference review: a save proposes a ReferenceChange that
// a moderator who wrote none of it approves (app/staff/reference/). Neither has a review column:
// a text in force on a published profile or an approved charge is "reviewed".
import { createHash } from "node:crypto";

import type { CampaignStatus, Prisma } from "@prisma/client";

import { isLanguage, supportedLanguages, type Language } from "~/i18n";
import { audit, type AuditSubject } from "~/staff/audit.server";
import { readCampaignFormValues } from "~/staff/campaigns/campaign-editor.server";
import { formDataFromValues, readCampaignForm, TEXT_FIELDS, textKey as campaignTextKey } from "~/staff/campaigns/campaign-form";
import { createRevision } from "~/staff/campaigns/campaign-revision.server";
import { contributorUpdate } from "~/staff/campaigns/campaign-state";
import { can, type Actor } from "~/staff/permissions";
import type { FactFields, ProfileFields } from "~/staff/profiles/prisoner-fields";
import { diffProfileFields, readProfileFields, writeProfileFields } from "~/staff/profiles/prisoner-fields.server";
import { initialChangeState } from "~/staff/profiles/profile-change-state";
import { chargeValuesOf, proposeCharge } from "~/staff/reference/reference.server";
import type { ChargeValues } from "~/staff/reference/reference-fields";
import { getPrisma } from "~/utils/database.server";

import { CONTENT_FIELDS, type ContentFieldError, type ContentKind, type ContentState, type FieldState } from "./content-translations";
import { findHtml } from "./locale-check.server";

export interface ContentRow {
  kind: ContentKind;
  id: string;
  label: string;
  state: ContentState;
  /** Each field on its own: a biography nobody wrote is "nothing", not "reviewed". */
  fields: { name: string; state: FieldState }[];
}

type FieldTexts = Record<string, string | null>;

/**
 * The state of each field in `locale`: its text's review state when it has a text, "missing"
 * when another language has one, "nothing" when no language has (nothing to translate yet).
 */
export function fieldStates(
  kind: ContentKind,
  locale: string,
  texts: { locale: string; review: ContentState; fields: FieldTexts }[],
  pending: Set<string>,
): ContentRow["fields"] {
  const filled = (fields: FieldTexts | undefined, name: string) => Boolean(fields?.[name]?.trim());
  const own = texts.find((text) => text.locale === locale);
  return CONTENT_FIELDS[kind].map(({ name }) => {
    if (pending.has(`${name}.${locale}`)) return { name, state: "PENDING_CHANGE" as const };
    if (own && filled(own.fields, name)) return { name, state: own.review };
    return { name, state: texts.some((text) => filled(text.fields, name)) ? ("missing" as const) : ("nothing" as const) };
  });
}


function subjectOf(kind: ContentKind, id: string, locale: string): AuditSubject {
  const type = ({ prisoner: "PrisonerTranslation", campaign: "CampaignTranslation", fact: "PrisonerTranslation", charge: "ChargeType" } as const)[kind];
  return { type, id: kind === "fact" ? `fact:${id}/${locale}` : `${id}/${locale}` };
}

// ---------------------------------------------------------------------------
// Facts and charges

const factsInOrder = { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, translations: { select: { locale: true, text: true } } } } satisfies Prisma.Prisoner$factsArgs;

/** "index/locale" of the fact texts that wait in pending profile changes (a change holds the whole list). */
function pendingFactTexts(changes: { before: unknown; after: unknown }[]): Set<string> {
  const waiting = new Set<string>();
  const factsOf = (value: unknown): FactFields[] | null => {
    const facts = typeof value === "object" && value !== null ? (value as { facts?: unknown }).facts : undefined;
    return Array.isArray(facts) ? (facts as FactFields[]) : null;
  };
  for (const change of changes) {
    const after = factsOf(change.after);
    if (!after) continue;
    const before = factsOf(change.before) ?? [];
    for (const [index, fact] of after.entries()) {
      for (const locale of supportedLanguages) if ((fact.text?.[locale] ?? "") !== (before[index]?.text?.[locale] ?? "")) waiting.add(`${index}/${locale}`);
    }
  }
  return waiting;
}

/** What a charge's form shows: the pending change's values when one waits, else the current ones. */
function chargeShown(current: ChargeValues, pending: unknown): ChargeValues {
  if (typeof pending !== "object" || pending === null) return current;
  const after = pending as Partial<ChargeValues>;
  return { article: after.article ?? current.article, names: { ...current.names, ...after.names }, explanations: { ...current.explanations, ...after.explanations } };
}

/** The version of a charge's texts a translator read, so a save over someone else's is refused. */
const chargeVersion = (values: ChargeValues) => createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 16);

/** A text in force: reviewed when the public sees it (a published profile, an approved charge). */
const inForce = (publicNow: boolean): ContentState => (publicNow ? "REVIEWED" : "NEEDS_REVIEW");

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function factLabel(prisonerLabel: string, texts: { locale: string; text: string }[]): string {
  const text = (["en", "be", "ru"].map((lng) => texts.find((entry) => entry.locale === lng)).find(Boolean) ?? texts[0])?.text ?? "";
  return `${prisonerLabel}: ${shorten(text)}`;
}

/** The "name.locale" / "explanation.locale" texts a pending reference change would change. */
function pendingChargeTexts(current: ChargeValues, pending: unknown): Set<string> {
  const waiting = new Set<string>();
  if (typeof pending !== "object" || pending === null) return waiting;
  const after = pending as Partial<ChargeValues>;
  for (const locale of supportedLanguages) {
    if ((after.names?.[locale] ?? "") !== current.names[locale]) waiting.add(`name.${locale}`);
    if ((after.explanations?.[locale] ?? "") !== current.explanations[locale]) waiting.add(`explanation.${locale}`);
  }
  return waiting;
}

/** The "field.locale" texts that wait in pending profile changes, e.g. "biography.uk". */
function pendingFields(changes: { after: unknown }[]): Set<string> {
  const fields = new Set<string>();
  for (const change of changes) {
    if (typeof change.after !== "object" || change.after === null) continue;
    for (const key of Object.keys(change.after)) if (/^(?:summary|biography)\.[a-z]{2}$/.test(key)) fields.add(key);
  }
  return fields;
}

const pendingLocales = (changes: { after: unknown }[]) => new Set([...pendingFields(changes)].map((key) => key.split(".")[1]));

/** Every prisoner and campaign with the state of its text in one language. */
export async function listContentTranslations(locale: Language): Promise<ContentRow[]> {
  const prisma = getPrisma();
  const prisoners = await prisma.prisoner.findMany({
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      names: { where: { script: "LATIN" }, take: 1, select: { givenName: true, familyName: true } },
      translations: { select: { locale: true, review: true, summary: true, biography: true } },
      changes: { where: { state: "PENDING" }, select: { after: true } },
    },
  });
  const campaigns = await prisma.campaign.findMany({
    where: { status: { not: "CLOSED" } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, translations: { select: { locale: true, title: true, summary: true, ask: true, review: true } } },
  });
  const withFacts = await prisma.prisoner.findMany({
    where: { facts: { some: {} } },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      draft: true,
      names: { where: { script: "LATIN" }, take: 1, select: { givenName: true, familyName: true } },
      facts: factsInOrder,
      changes: { where: { state: "PENDING" }, select: { before: true, after: true } },
    },
  });
  const charges = await prisma.chargeType.findMany({
    orderBy: [{ article: "asc" }, { slug: "asc" }],
    include: { translations: true, referenceChanges: { where: { state: "PENDING" }, select: { after: true }, take: 1 } },
  });
  const rows: ContentRow[] = [];
  for (const prisoner of withFacts) {
    const name = prisoner.names[0];
    const prisonerLabel = name ? `${name.givenName} ${name.familyName}` : prisoner.slug;
    const waiting = pendingFactTexts(prisoner.changes);
    for (const [index, fact] of prisoner.facts.entries()) {
      const texts = fact.translations.map(({ locale: lng, text }) => ({ locale: lng, review: inForce(!prisoner.draft), fields: { text } }));
      const fields = fieldStates("fact", locale, texts, waiting.has(`${index}/${locale}`) ? new Set([`text.${locale}`]) : new Set());
      rows.push({ kind: "fact", id: fact.id, label: factLabel(prisonerLabel, fact.translations), state: fields[0]!.state === "nothing" ? "missing" : fields[0]!.state, fields });
    }
  }
  for (const charge of charges) {
    const values = chargeValuesOf(charge);
    const waiting = pendingChargeTexts(values, charge.referenceChanges[0]?.after);
    const texts = charge.translations.map(({ locale: lng, name, explanation }) => ({ locale: lng, review: inForce(charge.reviewState === "APPROVED"), fields: { name, explanation } }));
    const fields = fieldStates("charge", locale, texts, waiting);
    const own = fields.find((field) => field.name === "name")!.state;
    const label = [charge.article, values.names[locale] || values.names.en || values.names.ru || charge.slug].filter(Boolean).join(" · ");
    rows.push({ kind: "charge", id: charge.id, label, state: own === "nothing" ? "missing" : own, fields });
  }
  for (const prisoner of prisoners) {
    const name = prisoner.names[0];
    const review = prisoner.translations.find((translation) => translation.locale === locale)?.review;
    const state: ContentState = pendingLocales(prisoner.changes).has(locale) ? "PENDING_CHANGE" : (review ?? "missing");
    const texts = prisoner.translations.map(({ locale: lng, review: reviewed, summary, biography }) => ({ locale: lng, review: reviewed, fields: { summary, biography } }));
    const fields = fieldStates("prisoner", locale, texts, pendingFields(prisoner.changes));
    rows.push({ kind: "prisoner", id: prisoner.id, label: name ? `${name.givenName} ${name.familyName}` : prisoner.slug, state, fields });
  }
  for (const campaign of campaigns) {
    const own = campaign.translations.find((translation) => translation.locale === locale);
    const label = own?.title ?? campaign.translations.find((translation) => translation.locale === "en")?.title ?? campaign.slug;
    const texts = campaign.translations.map(({ locale: lng, review, title, summary, ask }) => ({ locale: lng, review, fields: { title, summary, ask } }));
    rows.push({ kind: "campaign", id: campaign.id, label, state: own?.review ?? "missing", fields: fieldStates("campaign", locale, texts, new Set()) });
  }
  return rows;
}

export interface ContentEditorView {
  kind: ContentKind;
  id: string;
  label: string;
  locale: Language;
  /** The language shown beside the form, and the languages that have a text. */
  from: Language | null;
  available: Language[];
  source: Record<string, string>;
  current: Record<string, string>;
  state: ContentState;
  /** Prisoner.version, or the campaign translation's updatedAt, for stale-form refusal. */
  version: string;
  published: boolean;
  mayEdit: boolean;
  mayReview: boolean;
  /** Who wrote the current text, when the audit log knows it. */
  writtenBy: string | null;
}

async function lastWriter(kind: ContentKind, id: string, locale: string): Promise<{ id: string; name: string } | null> {
  const subject = subjectOf(kind, id, locale);
  const entry = await getPrisma().auditLogEntry.findFirst({
    where: { action: "translation.content.save", subjectType: subject.type, subjectId: subject.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { staff: { select: { id: true, displayName: true } } },
  });
  return entry?.staff ? { id: entry.staff.id, name: entry.staff.displayName } : null;
}

/** Drafts and campaigns in review directly; a published campaign through a revision; closed ones are history. */
function mayEditCampaign(actor: Actor, status: CampaignStatus): boolean {
  return can(actor, "translation:edit") && status !== "CLOSED";
}

export async function getContentEditor(actor: Actor, kind: ContentKind, id: string, locale: Language, fromParam: string | null): Promise<ContentEditorView | null> {
  const prisma = getPrisma();
  const texts = new Map<Language, Record<string, string>>();
  let label: string;
  let state: ContentState;
  let version: string;
  let published: boolean;
  let mayEdit: boolean;
  let contributorIds: string[] = [];
  if (kind === "fact") {
    const fact = await prisma.prisonerFact.findUnique({ where: { id }, select: { prisonerId: true } });
    const prisoner = fact
      ? await prisma.prisoner.findUnique({
          where: { id: fact.prisonerId },
          select: { slug: true, draft: true, version: true, names: { where: { script: "LATIN" }, take: 1 }, facts: factsInOrder, changes: { where: { state: "PENDING" }, select: { before: true, after: true } } },
        })
      : null;
    const index = prisoner?.facts.findIndex((candidate) => candidate.id === id) ?? -1;
    if (!prisoner || index < 0) return null;
    const translations = prisoner.facts[index]!.translations;
    for (const translation of translations) if (isLanguage(translation.locale)) texts.set(translation.locale, { text: translation.text });
    const name = prisoner.names[0];
    label = factLabel(name ? `${name.givenName} ${name.familyName}` : prisoner.slug, translations);
    state = pendingFactTexts(prisoner.changes).has(`${index}/${locale}`) ? "PENDING_CHANGE" : texts.has(locale) ? inForce(!prisoner.draft) : "missing";
    version = String(prisoner.version);
    published = !prisoner.draft;
    mayEdit = can(actor, "translation:edit") && state !== "PENDING_CHANGE";
  } else if (kind === "charge") {
    const charge = await prisma.chargeType.findUnique({ where: { id }, include: { translations: true, referenceChanges: { where: { state: "PENDING" }, select: { after: true }, take: 1 } } });
    if (!charge) return null;
    const current = chargeValuesOf(charge);
    const shown = chargeShown(current, charge.referenceChanges[0]?.after);
    for (const lng of supportedLanguages) if (shown.names[lng]) texts.set(lng, { name: shown.names[lng], explanation: shown.explanations[lng] });
    label = [charge.article, shown.names[locale] || shown.names.en || shown.names.ru || charge.slug].filter(Boolean).join(" · ");
    const waiting = pendingChargeTexts(current, charge.referenceChanges[0]?.after);
    state = waiting.has(`name.${locale}`) || waiting.has(`explanation.${locale}`) ? "PENDING_CHANGE" : current.names[locale] ? inForce(charge.reviewState === "APPROVED") : "missing";
    version = chargeVersion(shown);
    published = charge.reviewState === "APPROVED";
    mayEdit = can(actor, "translation:edit");
  } else if (kind === "prisoner") {
    const prisoner = await prisma.prisoner.findUnique({
      where: { id },
      select: {
        slug: true,
        draft: true,
        version: true,
        names: { where: { script: "LATIN" }, take: 1 },
        translations: true,
        changes: { where: { state: "PENDING" }, select: { after: true } },
      },
    });
    if (!prisoner) return null;
    for (const translation of prisoner.translations) {
      if (isLanguage(translation.locale)) texts.set(translation.locale, { summary: translation.summary, biography: translation.biography ?? "" });
    }
    const name = prisoner.names[0];
    label = name ? `${name.givenName} ${name.familyName}` : prisoner.slug;
    const own = prisoner.translations.find((translation) => translation.locale === locale);
    contributorIds = own?.contributorIds ?? [];
    state = pendingLocales(prisoner.changes).has(locale) ? "PENDING_CHANGE" : (own?.review ?? "missing");
    version = String(prisoner.version);
    published = !prisoner.draft;
    mayEdit = can(actor, "translation:edit") && state !== "PENDING_CHANGE";
  } else {
    const campaign = await prisma.campaign.findUnique({ where: { id }, select: { slug: true, status: true, translations: true } });
    if (!campaign) return null;
    for (const translation of campaign.translations) {
      if (isLanguage(translation.locale)) texts.set(translation.locale, { title: translation.title, summary: translation.summary, ask: translation.ask });
    }
    const own = campaign.translations.find((translation) => translation.locale === locale);
    label = own?.title ?? campaign.translations.find((translation) => translation.locale === "en")?.title ?? campaign.slug;
    state = own?.review ?? "missing";
    contributorIds = own?.contributorIds ?? [];
    version = own ? own.updatedAt.toISOString() : "new";
    published = campaign.status === "PUBLISHED";
    mayEdit = mayEditCampaign(actor, campaign.status);
  }
  const available = supportedLanguages.filter((lng) => lng !== locale && texts.has(lng));
  const preferred = isLanguage(fromParam) && available.includes(fromParam) ? fromParam : (["en", "be", "ru"] as const).find((lng) => available.includes(lng)) ?? available[0] ?? null;
  const writer = await lastWriter(kind, id, locale);
  // Facts and charges are reviewed in the profile review queue or the reference review.
  const mayReview = (kind === "prisoner" || kind === "campaign") && state === "NEEDS_REVIEW" && can(actor, "translation:review", { authorId: writer?.id ?? null, contributorIds });
  return {
    kind,
    id,
    label,
    locale,
    from: preferred,
    available,
    source: preferred ? (texts.get(preferred) ?? {}) : {},
    current: texts.get(locale) ?? {},
    state,
    version,
    published,
    mayEdit,
    mayReview,
    writtenBy: writer?.name ?? null,
  };
}

export type SaveContentResult =
  | { ok: true; outcome: "saved" | "pending" | "unchanged"; id?: string }
  | { ok: false; error: "not-found" | "forbidden" | "stale" }
  | { ok: false; error: "invalid"; fields: Record<string, ContentFieldError> };

export function validateContent(kind: ContentKind, values: Record<string, string>): Record<string, ContentFieldError> {
  const errors: Record<string, ContentFieldError> = {};
  for (const field of CONTENT_FIELDS[kind]) {
    const value = (values[field.name] ?? "").trim();
    if (field.required && value === "") errors[field.name] = "required";
    else if (value.length > field.max) errors[field.name] = "too-long";
    // Texts are always rendered as text; tags are refused as well, so that none is ever stored.
    else if (findHtml(value)) errors[field.name] = "html";
  }
  return errors;
}

export async function saveContentTranslation(
  staff: { id: string },
  actor: Actor,
  kind: ContentKind,
  id: string,
  locale: Language,
  version: string,
  values: Record<string, string>,
  now: Date = new Date(),
): Promise<SaveContentResult> {
  const fields = validateContent(kind, values);
  if (Object.keys(fields).length > 0) return { ok: false, error: "invalid", fields };
  const clean = (name: string) => (values[name] ?? "").trim().replace(/\r\n?/g, "\n");
  const prisma = getPrisma();
  if (kind === "charge") return saveChargeTexts(staff, actor, id, locale, version, { name: clean("name"), explanation: clean("explanation") });
  return prisma.$transaction(async (tx) => {
    if (kind === "fact") {
      const fact = await tx.prisonerFact.findUnique({ where: { id }, select: { prisonerId: true } });
      const profile = fact ? await readProfileFields(tx, fact.prisonerId) : null;
      if (!fact || !profile) return { ok: false, error: "not-found" } as const;
      if (!can(actor, "translation:edit")) return { ok: false, error: "forbidden" } as const;
      if (String(profile.version) !== version) return { ok: false, error: "stale" } as const;
      const order = await tx.prisonerFact.findMany({ where: { prisonerId: fact.prisonerId }, ...factsInOrder });
      const index = order.findIndex((candidate) => candidate.id === id);
      const pending = await tx.prisonerChange.findMany({ where: { prisonerId: fact.prisonerId, state: "PENDING" }, select: { before: true, after: true } });
      if (index < 0 || pendingFactTexts(pending).has(`${index}/${locale}`)) return { ok: false, error: "stale" } as const;
      // The whole list, as the profile editor writes it, with this one text replaced.
      const facts = (profile.fields.facts ?? []).map((entry, at) => (at === index ? { ...entry, text: { ...entry.text, [locale]: clean("text") } } : entry));
      const diff = diffProfileFields(profile.fields, { facts });
      if (!diff) return { ok: true, outcome: "unchanged" } as const;
      const change = { prisonerId: fact.prisonerId, origin: "TRANSLATION" as const, state: initialChangeState(profile), baseVersion: profile.version, before: diff.before as object, after: diff.after as object, authorId: staff.id };
      let newId = id;
      if (profile.draft) {
        await writeProfileFields(tx, fact.prisonerId, diff.after, { otherLanguagesNeedReview: false, writtenBy: staff.id });
        await tx.prisonerChange.create({ data: { ...change, decidedAt: now } });
        // The list is written anew: the fact has a new id at the same place.
        newId = (await tx.prisonerFact.findMany({ where: { prisonerId: fact.prisonerId }, ...factsInOrder }))[index]?.id ?? id;
      } else {
        await tx.prisonerChange.create({ data: change });
      }
      await audit(tx, staff, "translation.content.save", subjectOf(kind, id, locale), { pending: !profile.draft }, now);
      return { ok: true, outcome: profile.draft ? "saved" : "pending", id: newId } as const;
    }
    if (kind === "prisoner") {
      const profile = await readProfileFields(tx, id);
      if (!profile) return { ok: false, error: "not-found" } as const;
      if (!can(actor, "translation:edit")) return { ok: false, error: "forbidden" } as const;
      if (String(profile.version) !== version) return { ok: false, error: "stale" } as const;
      const pending = await tx.prisonerChange.findMany({ where: { prisonerId: id, state: "PENDING" }, select: { after: true } });
      if (pendingLocales(pending).has(locale)) return { ok: false, error: "stale" } as const;
      const after: ProfileFields = { [`summary.${locale}`]: clean("summary"), [`biography.${locale}`]: clean("biography") || null };
      const diff = diffProfileFields(profile.fields, after);
      if (!diff) return { ok: true, outcome: "unchanged" } as const;
      if (profile.draft) {
        await writeProfileFields(tx, id, diff.after, { otherLanguagesNeedReview: false, writtenBy: staff.id });
        await tx.prisonerTranslation.updateMany({ where: { prisonerId: id, locale }, data: { review: "NEEDS_REVIEW" } });
        await tx.prisonerChange.create({
          data: { prisonerId: id, origin: "TRANSLATION", state: initialChangeState(profile), baseVersion: profile.version, before: diff.before as object, after: diff.after as object, authorId: staff.id, decidedAt: now },
        });
      } else {
        await tx.prisonerChange.create({
          data: { prisonerId: id, origin: "TRANSLATION", state: initialChangeState(profile), baseVersion: profile.version, before: diff.before as object, after: diff.after as object, authorId: staff.id },
        });
      }
      await audit(tx, staff, "translation.content.save", subjectOf(kind, id, locale), { pending: !profile.draft }, now);
      return { ok: true, outcome: profile.draft ? "saved" : "pending" } as const;
    }

    const campaign = await tx.campaign.findUnique({ where: { id }, select: { status: true, contributorIds: true, translations: { where: { locale } } } });
    if (!campaign) return { ok: false, error: "not-found" } as const;
    const own = campaign.translations[0] ?? null;
    if (!mayEditCampaign(actor, campaign.status)) return { ok: false, error: "forbidden" } as const;
    if ((own ? own.updatedAt.toISOString() : "new") !== version) return { ok: false, error: "stale" } as const;
    const data = { title: clean("title"), summary: clean("summary"), ask: clean("ask") };
    if (own && own.title === data.title && own.summary === data.summary && own.ask === data.ask) return { ok: true, outcome: "unchanged" } as const;
    if (campaign.status === "PUBLISHED") {
      // What is public changes only through the campaign's review: the whole campaign as it is,
      // with this language's texts replaced, becomes a revision another moderator applies.
      const current = await readCampaignFormValues(tx, id);
      if (!current) return { ok: false, error: "not-found" } as const;
      const values = { ...current.values, texts: { ...current.values.texts } };
      for (const field of TEXT_FIELDS) values.texts[campaignTextKey(field, locale)] = data[field];
      if (!readCampaignForm(formDataFromValues(values)).ok) return { ok: false, error: "invalid", fields: {} } as const;
      await createRevision(tx, staff, id, current.version, values, now, { translation: locale });
      await audit(tx, staff, "translation.content.save", subjectOf(kind, id, locale), { status: campaign.status, pending: true }, now);
      return { ok: true, outcome: "pending" } as const;
    }
    // A draft or a campaign in review: the translator is now one of its contributors (who may
    // not publish it), and its version moves on, so a reviewer who read the old text cannot
    // publish the new one unseen. Written first: it locks the campaign row against a publish.
    const moved = await tx.campaign.updateMany({ where: { id, status: campaign.status }, data: { updatedAt: now, ...contributorUpdate(campaign, staff.id) } });
    if (moved.count !== 1) return { ok: false, error: "stale" } as const;
    await tx.campaignTranslation.upsert({
      where: { campaignId_locale: { campaignId: id, locale } },
      create: { campaignId: id, locale, ...data, review: "NEEDS_REVIEW", contributorIds: [staff.id] },
      update: { ...data, review: "NEEDS_REVIEW", ...(own?.contributorIds.includes(staff.id) ? {} : { contributorIds: { push: staff.id } }) },
    });
    await audit(tx, staff, "translation.content.save", subjectOf(kind, id, locale), { status: campaign.status }, now);
    return { ok: true, outcome: "saved" } as const;
  });
}

/** A charge's name and explanation in one language, proposed through the reference review. */
async function saveChargeTexts(staff: { id: string }, actor: Actor, id: string, locale: Language, version: string, texts: { name: string; explanation: string }): Promise<SaveContentResult> {
  const charge = await getPrisma().chargeType.findUnique({ where: { id }, include: { translations: true, referenceChanges: { where: { state: "PENDING" }, select: { after: true }, take: 1 } } });
  if (!charge) return { ok: false, error: "not-found" };
  if (!can(actor, "translation:edit")) return { ok: false, error: "forbidden" };
  const shown = chargeShown(chargeValuesOf(charge), charge.referenceChanges[0]?.after);
  if (chargeVersion(shown) !== version) return { ok: false, error: "stale" };
  if (shown.names[locale] === texts.name && shown.explanations[locale] === texts.explanation) return { ok: true, outcome: "unchanged" };
  const values: ChargeValues = { ...shown, names: { ...shown.names, [locale]: texts.name }, explanations: { ...shown.explanations, [locale]: texts.explanation } };
  const result = await proposeCharge(staff, id, values);
  if (!result.ok) return "notFound" in result ? { ok: false, error: "not-found" } : { ok: false, error: "invalid", fields: {} };
  return { ok: true, outcome: result.changed ? "pending" : "unchanged" };
}

export type ReviewContentResult = { ok: true } | { ok: false; error: "not-found" | "forbidden" | "conflict" | "changed" };

/**
 * Marks a NEEDS_REVIEW text REVIEWED: translation:review, by nobody who wrote to it since its
 * last review (four eyes), and only at `version`, the version the reviewer's page showed
 * (Prisoner.version, or the campaign text's updatedAt); a text changed since is "changed".
 */
export async function reviewContentTranslation(staff: { id: string }, actor: Actor, kind: ContentKind, id: string, locale: Language, version: string): Promise<ReviewContentResult> {
  if (kind === "fact" || kind === "charge") return { ok: false, error: "conflict" }; // reviewed in their own queues
  const writer = await lastWriter(kind, id, locale);
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    let row: { review: string; contributorIds: string[]; updatedAt: Date } | null;
    let seen: string | null;
    if (kind === "prisoner") {
      const prisoner = await tx.prisoner.findUnique({ where: { id }, select: { version: true, translations: { where: { locale } } } });
      if (!prisoner) return { ok: false, error: "not-found" } as const;
      row = prisoner.translations[0] ?? null;
      seen = String(prisoner.version);
    } else {
      row = await tx.campaignTranslation.findUnique({ where: { campaignId_locale: { campaignId: id, locale } } });
      seen = row ? row.updatedAt.toISOString() : null;
    }
    if (!row || row.review !== "NEEDS_REVIEW") return { ok: false, error: "conflict" } as const;
    if (!can(actor, "translation:review", { authorId: writer?.id ?? null, contributorIds: row.contributorIds })) return { ok: false, error: "forbidden" } as const;
    if (seen !== version) return { ok: false, error: "changed" } as const;
    // Guarded on the text's own updatedAt: a save committed meanwhile wins, and nothing is marked.
    const where = { review: "NEEDS_REVIEW" as const, locale, updatedAt: row.updatedAt };
    const data = { review: "REVIEWED" as const, contributorIds: [] };
    const { count } =
      kind === "prisoner"
        ? await tx.prisonerTranslation.updateMany({ where: { ...where, prisonerId: id }, data })
        : await tx.campaignTranslation.updateMany({ where: { ...where, campaignId: id }, data });
    if (count !== 1) return { ok: false, error: "changed" } as const;
    await audit(tx, staff, "translation.content.review", subjectOf(kind, id, locale));
    return { ok: true } as const;
  });
}

export { CONTENT_FIELDS, CONTENT_KINDS, type ContentFieldError, type ContentKind, type ContentState } from "./content-translations";
