// Who may add, change and cancel a campaign's events. An event is short public text (a title,
// a place) and a time; it changes at once, without a second person, but only for whoever may
// edit the campaign (docs/decisions/0024-campaign-updates.md, "Events"):
//   DRAFT      its author (campaigner) and moderators: nothing is public yet
//   IN_REVIEW  moderators (as for the campaign's text)
//   PUBLISHED  its author and moderators, at once, audited: a vigil moved or called off must
//              reach calendars before people set out, which a review queue cannot promise
//   CLOSED     nobody: history
// A cancelled event is not changed again (add a new one); an event is never deleted.
import type { Actor } from "~/staff/permissions";

import { mayEdit, type WorkflowCampaign } from "./campaign-state";

export function mayManageEvents(actor: Actor, campaign: WorkflowCampaign): boolean {
  return campaign.status !== "CLOSED" && mayEdit(actor, campaign);
}

/** An event is changed or cancelled only while it is not cancelled. */
export function mayChangeEvent(actor: Actor, campaign: WorkflowCampaign, event: { cancelledAt: Date | null }): boolean {
  return event.cancelledAt === null && mayManageEvents(actor, campaign);
}
