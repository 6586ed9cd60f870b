// Which ways of reaching an official work: only approved contacts count (the Official row's
// email, web form and postal address are written only when a second staff member approves a
// sourced contact; app/staff/officials/), and a draft official has none. Pure: the appeal page,
// its actions and the campaign publish check share it.

export interface ChannelFacts {
  draft?: boolean;
  email: string | null;
  webFormUrl: string | null;
  postalAddress: string | null;
}

export interface WorkingChannels {
  /** Send through Listy and open in one's own mail program. */
  email: boolean;
  /** The official's own web form, to paste the letter into. */
  webForm: string | null;
  /** Print (or PDF) and post it. */
  postal: boolean;
}

export function workingChannels(official: ChannelFacts): WorkingChannels {
  if (official.draft) return { email: false, webForm: null, postal: false };
  return {
    email: Boolean(official.email?.trim()),
    webForm: official.webFormUrl?.trim() || null,
    postal: Boolean(official.postalAddress?.trim()),
  };
}

export function hasWorkingChannel(official: ChannelFacts): boolean {
  const channels = workingChannels(official);
  return channels.email || channels.postal || channels.webForm !== null;
}
