import { z } from "astro/zod";
import { CHANNEL_IDS } from "../lib/channels.ts";

export const SITUATIONS = ["casual", "reference"] as const;
export const TONES = ["warm", "professional", "brief"] as const;

/** casual: reconnecting for its own sake; reference: reconnecting because you need a reference. */
export const situationSchema = z.enum(SITUATIONS);
export const channelSchema = z.enum(CHANNEL_IDS);
export const toneSchema = z.enum(TONES);
/** A lowercase, hyphenated name, as used in URLs: e.g. "own-the-lapse". */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase words joined by hyphens");
