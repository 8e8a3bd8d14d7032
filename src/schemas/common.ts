import { z } from "astro/zod";
import { SLUG_PATTERN } from "../lib/ids.ts";
import { CHANNEL_IDS, SITUATIONS, TONES } from "../lib/vocabulary.ts";

/** casual: reconnecting for its own sake; reference: reconnecting because you need a reference. */
export const situationSchema = z.enum(SITUATIONS);
export const channelSchema = z.enum(CHANNEL_IDS);
export const toneSchema = z.enum(TONES);
/** A lowercase, hyphenated name, as used in URLs: e.g. "own-the-lapse". */
export const slugSchema = z.string().regex(SLUG_PATTERN, "use lowercase words joined by hyphens");
