/**
 * Every channel a message can go out on, with the limit that keeps it readable or sendable.
 * Platform limits come from the platforms' own help pages (as summarised in the content brief);
 * "guideline" limits are our editorial choices, said as such in the UI.
 */
import { countSms, type SmsEncoding } from "./sms.ts";

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
}

/** Average speaking pace used to turn words into seconds. */
export const WORDS_PER_MINUTE = 150;

export const CHANNELS: Readonly<Record<ChannelId, Channel>> = {
  email: { id: "email", label: "Email", plural: "Emails", hasSubject: true, spoken: false },
  text: {
    id: "text",
    label: "Text message",
    plural: "Text messages",
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
    label: "LinkedIn invitation note",
    plural: "LinkedIn invitation notes",
    hasSubject: false,
    spoken: false,
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
    label: "LinkedIn message",
    plural: "LinkedIn messages",
    hasSubject: false,
    spoken: false,
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
    label: "Facebook post or message",
    plural: "Facebook posts and messages",
    hasSubject: false,
    spoken: false,
    limit: {
      unit: "characters",
      max: 400,
      kind: "guideline",
      source: "A wish or a hello on Facebook reads best in a few lines",
    },
  },
  instagram: {
    id: "instagram",
    label: "Instagram comment or message",
    plural: "Instagram comments and messages",
    hasSubject: false,
    spoken: false,
    limit: {
      unit: "characters",
      max: 400,
      kind: "guideline",
      source: "A comment or direct message reads best when it fits on one phone screen",
    },
  },
  phone: {
    id: "phone",
    label: "Phone call",
    plural: "Phone call scripts",
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
    label: "Voicemail",
    plural: "Voicemail scripts",
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
    label: "Handwritten note",
    plural: "Handwritten notes",
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

export function isChannelId(value: string): value is ChannelId {
  return (CHANNEL_IDS as readonly string[]).includes(value);
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

/** Seconds it takes to say the text aloud at an unhurried pace. */
export function spokenSeconds(text: string): number {
  return Math.round((countWords(text) / WORDS_PER_MINUTE) * 60);
}

/**
 * Characters as a web form counts them: UTF-16 code units, like the `maxlength` attribute, so an
 * emoji counts as two. Counting this way never lets a message past a platform's text box.
 */
export function countCharacters(text: string): number {
  return text.length;
}

export interface Measurement {
  readonly unit: LimitUnit;
  readonly used: number;
  readonly max: number;
  readonly extendedMax?: number;
  readonly withinLimit: boolean;
  /** For texts only: which SMS encoding the message needs. */
  readonly encoding?: SmsEncoding;
  /** A short human reading of the measurement, e.g. "143 of 200 characters". */
  readonly summary: string;
}

/** How much of a limit's unit a text uses, and how to say it. */
function reading(
  unit: LimitUnit,
  max: number,
  text: string,
): Pick<Measurement, "used" | "summary" | "encoding"> {
  switch (unit) {
    case "segments": {
      const sms = countSms(text);
      const plural = sms.segments === 1 ? "" : "s";
      return {
        used: sms.segments,
        encoding: sms.encoding,
        summary: `${sms.segments} SMS segment${plural} (${sms.encoding}, ${sms.units} characters)`,
      };
    }
    case "seconds": {
      const seconds = spokenSeconds(text);
      return { used: seconds, summary: `about ${seconds} seconds spoken (${countWords(text)} words)` };
    }
    case "words": {
      const words = countWords(text);
      return { used: words, summary: `${words} of ${max} words` };
    }
    case "characters": {
      const characters = countCharacters(text);
      return { used: characters, summary: `${characters} of ${max} characters` };
    }
  }
}

function measureAgainst(limit: ChannelLimit, text: string): Measurement {
  const { used, summary, encoding } = reading(limit.unit, limit.max, text);
  return {
    unit: limit.unit,
    used,
    max: limit.max,
    ...(limit.extendedMax === undefined ? {} : { extendedMax: limit.extendedMax }),
    withinLimit: used <= limit.max,
    ...(encoding === undefined ? {} : { encoding }),
    summary,
  };
}

/**
 * Measure a message body against its channel's limit; undefined when the channel has none.
 * Takes the channel itself rather than its id, so browser code that is handed one channel does
 * not have to bundle the whole table.
 */
export function measureBody(channel: Channel, text: string): Measurement | undefined {
  return channel.limit === undefined ? undefined : measureAgainst(channel.limit, text);
}

export function measureSubject(channel: Channel, text: string): Measurement | undefined {
  return channel.subjectLimit === undefined ? undefined : measureAgainst(channel.subjectLimit, text);
}
