/**
 * How much of a channel's limit a message uses: characters, SMS segments, words or seconds
 * spoken, and the short reading of it the meter shows. Apart from the channel table so the
 * fill-in, which is handed its one channel, never bundles the table.
 */
import type { Channel, ChannelLimit, LimitUnit } from "./channels.ts";
import { countSms, type SmsEncoding } from "./sms.ts";

/** Average speaking pace used to turn words into seconds. */
export const WORDS_PER_MINUTE = 150;

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
