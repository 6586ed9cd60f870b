// For browser specs: a published campaign with a change waiting for review, made over HTTP as
// the staff forms would post it (the editor itself is tested in staff-campaigns.spec.ts).
// The campaigner writes it, a moderator publishes it, the campaigner proposes new texts.
interface StaffCookie {
  cookie: string;
}

async function post(url: string, session: StaffCookie, path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, Cookie: `listy_staff=${session.cookie}` },
    body: body.toString(),
  });
  if (response.status !== 302) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return response.headers.get("location") ?? "";
}

async function staffHtml(url: string, session: StaffCookie, path: string) {
  return (await fetch(`${url}${path}`, { headers: { Cookie: `listy_staff=${session.cookie}` } })).text();
}

const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? "";

export interface CampaignUnderReview {
  id: string;
  slug: string;
  revisionId: string;
  before: Record<string, string>;
  after: Record<string, string>;
}

/**
 * `targetLabel`: the label of a target appeals can reach (the editor lists it with that text).
 * `before`/`after`: texts by form name ("title-en", "summary-pl" …) before and after the change.
 */
export async function campaignWithPendingChange(
  url: string,
  { campaigner, moderator }: { campaigner: StaffCookie; moderator: StaffCookie },
  { slug, targetLabel, before, after }: { slug: string; targetLabel: string; before: Record<string, string>; after: Record<string, string> },
): Promise<CampaignUnderReview> {
  const editor = await staffHtml(url, campaigner, "/en/staff/campaigns/new");
  const prisoners = [...editor.matchAll(/name="prisoners" value="([^"]+)"/g)].map((match) => match[1]!).slice(0, 2);
  const target = new RegExp(`name="targets" value="([^"]+)"[^>]*/><label[^>]*>${targetLabel}`).exec(editor)?.[1];
  if (!target || prisoners.length === 0) throw new Error("The editor lists no reachable target or no people.");
  const form = {
    slug,
    goal: "250",
    deadline: "2027-03-01",
    "template-en-subjects": "Release {prisonerName}",
    "template-en-openings": "Dear {officialName},",
    "template-en-arguments": "{prisonerFacts} This detention is unjust.",
    "template-en-closings": "Please act now.",
    prisoners,
    targets: [target],
    ...before,
  };
  const created = await post(url, campaigner, "/en/staff/campaigns/new", { intent: "save", ...form });
  const id = /\/campaigns\/([A-Za-z0-9_-]+)\?/.exec(created)![1]!;
  await post(url, campaigner, `/en/staff/campaigns/${id}`, { intent: "submit" });
  await post(url, moderator, `/en/staff/campaigns/${id}`, { intent: "publish", version: versionOf(await staffHtml(url, moderator, `/en/staff/campaigns/${id}`)) });
  const version = versionOf(await staffHtml(url, campaigner, `/en/staff/campaigns/${id}`));
  await post(url, campaigner, `/en/staff/campaigns/${id}`, { intent: "save", ...form, ...after, version });
  const review = await staffHtml(url, moderator, `/en/staff/campaigns/${id}`);
  const revisionId = /preview\?revision=([A-Za-z0-9_-]+)/.exec(review)?.[1];
  if (!revisionId) throw new Error("No pending revision on the review page.");
  return { id, slug, revisionId, before, after };
}
