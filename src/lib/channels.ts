/**
 * Every channel a message can go out on, with the limit that keeps it readable or sendable.
 * Platform limits come from the platforms' own help pages (as summarised in the content brief);
 * "guideline" limits are our editorial choices, said as such in the UI.
 */
import { CHANNEL_NAMES, type ChannelId } from "./vocabulary.ts";

export type LimitUnit = "characters" | "segments" | "words" | "seconds";

export interface ChannelLimit {
  readonly unit: LimitUnit;
  /** The most a template may use when filled with the registry's example values. */
  readonly max: number;
  /** A larger ceiling some people have (LinkedIn Premium's 300-character note). */
  readonly extendedMax?: number;
  readonly extendedLabel?: string;
  readonly kind: "platform" | "guideline";
  /** Where the number comes from, in a few words. */
  readonly source: string;
}

export interface Channel {
  readonly id: ChannelId;
  /** Singular name, as in "a text" or "a LinkedIn note". */
  readonly label: string;
  /** Plural, for headings and filter pages. */
  readonly plural: string;
  /** Email-style messages carry a subject line. */
  readonly hasSubject: boolean;
  readonly limit?: ChannelLimit;
  readonly subjectLimit?: ChannelLimit;
  /** Spoken aloud, so time matters more than characters. */
  readonly spoken: boolean;
  /** Where the message is sent, for channels no link can fill: opened beside the copied text. */
  readonly app?: { readonly label: string; readonly href: string };
}

export const CHANNELS: Readonly<Record<ChannelId, Channel>> = {
  email: { id: "email", ...CHANNEL_NAMES.email, hasSubject: true, spoken: false },
  text: {
    id: "text",
    ...CHANNEL_NAMES["text"],
    hasSubject: false,
    spoken: false,
    limit: {
      unit: "segments",
      max: 2,
      kind: "guideline",
      source: "A text longer than two SMS segments arrives split or costs more on some plans",
    },
  },
  "linkedin-note": {
    id: "linkedin-note",
    ...CHANNEL_NAMES["linkedin-note"],
    hasSubject: false,
    spoken: false,
    app: { label: "Open LinkedIn", href: "https://www.linkedin.com/messaging/" },
    limit: {
      unit: "characters",
      max: 200,
      extendedMax: 300,
      extendedLabel: "Premium",
      kind: "platform",
      source: "LinkedIn: 200 characters on free accounts, 300 on Premium",
    },
  },
  "linkedin-message": {
    id: "linkedin-message",
    ...CHANNEL_NAMES["linkedin-message"],
    hasSubject: false,
    spoken: false,
    app: { label: "Open LinkedIn", href: "https://www.linkedin.com/messaging/" },
    limit: {
      unit: "characters",
      max: 1900,
      kind: "platform",
      source: "LinkedIn InMail body: budget 1,900 characters",
    },
    subjectLimit: {
      unit: "characters",
      max: 200,
      kind: "platform",
      source: "LinkedIn InMail subject: up to 200 characters",
    },
  },
  facebook: {
    id: "facebook",
    ...CHANNEL_NAMES["facebook"],
    hasSubject: false,
    spoken: false,
    app: { label: "Open Messenger", href: "https://www.messenger.com/" },
    limit: {
      unit: "characters",
      max: 400,
      kind: "guideline",
      source: "A wish or a hello on Facebook reads best in a few lines",
    },
  },
  instagram: {
    id: "instagram",
    ...CHANNEL_NAMES["instagram"],
    hasSubject: false,
    spoken: false,
    app: { label: "Open Instagram", href: "https://www.instagram.com/direct/inbox/" },
    limit: {
      unit: "characters",
      max: 400,
      kind: "guideline",
      source: "A comment or direct message reads best when it fits on one phone screen",
    },
  },
  phone: {
    id: "phone",
    ...CHANNEL_NAMES["phone"],
    hasSubject: false,
    spoken: true,
    limit: {
      unit: "seconds",
      max: 150,
      kind: "guideline",
      source: "Talking points you can cover in about two minutes, at 150 words a minute",
    },
  },
  voicemail: {
    id: "voicemail",
    ...CHANNEL_NAMES["voicemail"],
    hasSubject: false,
    spoken: true,
    limit: {
      unit: "seconds",
      max: 30,
      kind: "guideline",
      source: "A voicemail people listen to the end of: under 30 seconds at 150 words a minute",
    },
  },
  note: {
    id: "note",
    ...CHANNEL_NAMES["note"],
    hasSubject: false,
    spoken: false,
    limit: {
      unit: "words",
      max: 80,
      kind: "guideline",
      source: "About 80 words fit on a standard greeting card",
    },
  },
};
