/**
 * The words of the domain, each defined once: the situations a person is in, the tones and
 * channels of a message, the ways to reach someone, and the steps of reaching out. Schemas, lib, pages and islands all import these, so a new tone or channel is one edit.
 * The rules for ids and slugs are in ids.ts, apart, so the fill-in's bundle does not carry these
 * lists.
 */

/** casual: reconnecting for its own sake; reference: reconnecting because you need a reference. */
export const SITUATIONS = ["casual", "reference"] as const;
export type Situation = (typeof SITUATIONS)[number];

export const SITUATION_LABELS: Readonly<Record<Situation, string>> = {
  casual: "Just reconnecting",
  reference: "Need a reference",
};

export const TONES = ["warm", "professional", "brief"] as const;
export type Tone = (typeof TONES)[number];

export const TONE_LABELS: Readonly<Record<Tone, string>> = {
  warm: "Warm",
  professional: "Professional",
  brief: "Brief",
};

/** Every channel a template can be written for; limits and actions are in channels.ts. */
export const CHANNEL_IDS = [
  "email",
  "text",
  "linkedin-note",
  "linkedin-message",
  "facebook",
  "instagram",
  "phone",
  "voicemail",
  "note",
] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

/** Singular ("a text") and plural (headings, filter pages) names of each channel. */
export const CHANNEL_NAMES: Readonly<Record<ChannelId, { readonly label: string; readonly plural: string }>> =
  {
    email: { label: "Email", plural: "Emails" },
    text: { label: "Text message", plural: "Text messages" },
    "linkedin-note": { label: "LinkedIn invitation note", plural: "LinkedIn invitation notes" },
    "linkedin-message": { label: "LinkedIn message", plural: "LinkedIn messages" },
    facebook: { label: "Facebook post or message", plural: "Facebook posts and messages" },
    instagram: { label: "Instagram comment or message", plural: "Instagram comments and messages" },
    phone: { label: "Phone call", plural: "Phone call scripts" },
    voicemail: { label: "Voicemail", plural: "Voicemail scripts" },
    note: { label: "Handwritten note", plural: "Handwritten notes" },
  };

/**
 * The ways a person reaches someone, for the planner and the tracker: coarser than channels
 * (a LinkedIn note and a LinkedIn message are both "LinkedIn").
 */
export const PLAN_CHANNELS = ["email", "text", "linkedin", "phone"] as const;
export type PlanChannel = (typeof PLAN_CHANNELS)[number];

/**
 * The field holding where a message goes, by channel (a template's, or the way the tracker
 * reaches someone): an email opens addressed to their email, a text to their number, a script's
 * call dials it. Every template on such a channel offers the field (fillable.ts), whether or not
 * its words use it, and a tracked person's contact for that channel is that field (people.ts).
 */
export const ADDRESS_FIELDS: Readonly<Partial<Record<ChannelId | PlanChannel, string>>> = {
  email: "theirEmail",
  text: "theirPhone",
  phone: "theirPhone",
  voicemail: "theirPhone",
};

// Marked pure: bundlers keep property reads as possible side effects, which would keep all of
// CHANNEL_NAMES in the planner's and the tracker's JavaScript, which get these words as props.
export const PLAN_CHANNEL_LABELS: Readonly<Record<PlanChannel, string>> = /* @__PURE__ */ (() => ({
  email: CHANNEL_NAMES.email.label,
  text: CHANNEL_NAMES.text.label,
  linkedin: "LinkedIn",
  phone: CHANNEL_NAMES.phone.label,
}))();

/** True when `value` is one of `list`: a plain function, so bundlers drop lists nobody reads. */
function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}

export const isSituation = (value: unknown): value is Situation => isOneOf(SITUATIONS, value);
export const isTone = (value: unknown): value is Tone => isOneOf(TONES, value);
export const isChannelId = (value: unknown): value is ChannelId => isOneOf(CHANNEL_IDS, value);
export const isPlanChannel = (value: unknown): value is PlanChannel => isOneOf(PLAN_CHANNELS, value);

/*
 * Outreach steps: what a person does, in order, to ask for a reference or to reconnect. The
 * planner and the tracker use these ids; the days are in timeline.ts and the planner's words
 * for each step (titles, advice, templates) in plan.ts.
 */

/**
 * Asking for a reference. These ids are also the keys of a tracked request's `done`, stored in
 * the browser and in exported files (references.ts, reference-files.ts): never rename one.
 */
export const REFERENCE_STEPS = [
  "asked",
  "agreed",
  "packetSent",
  "headsUp",
  "thanked",
  "toldOutcome",
] as const;
export type ReferenceStep = (typeof REFERENCE_STEPS)[number];

/** Reconnecting for its own sake. */
export const CASUAL_STEPS = ["firstMessage", "nudge", "meet"] as const;
export type CasualStep = (typeof CASUAL_STEPS)[number];

/** The last step of both: a check-in that repeats. */
export const CHECK_IN = "checkIn";
export type CheckIn = typeof CHECK_IN;

export type OutreachStep = ReferenceStep | CasualStep | CheckIn;

/** A reference step once done, as the tracker's tick boxes and the CSV's columns name it. */
export const REFERENCE_STEP_LABELS: Readonly<Record<ReferenceStep, string>> = {
  asked: "Asked",
  agreed: "Agreed",
  packetSent: "Packet sent",
  headsUp: "Heads-up",
  thanked: "Thanked",
  toldOutcome: "Told the outcome",
};

/** A reference step still to do, as the tracker's "Next:" line says it. */
export const NEXT_STEP_LABELS: Readonly<Record<ReferenceStep | CheckIn, string>> = {
  asked: "Ask them",
  agreed: "Follow up if they have not replied",
  packetSent: "Send the reference packet",
  headsUp: "Give them a heads-up",
  thanked: "Thank them",
  toldOutcome: "Tell them how it turned out",
  checkIn: "Check in",
};
