import { z } from "astro/zod";
import { CHANNELS } from "../lib/channels.ts";
import { channelSchema, situationSchema, slugSchema, toneSchema } from "./common.ts";

/** Frontmatter of a message template (src/content/templates/<slug>.md); the body is the message. */
export const templateSchema = z
  .object({
    /** What the message is for, as a person would search for it. */
    title: z.string().min(1).max(80),
    /** One sentence on when to send it. */
    summary: z.string().min(1).max(200),
    /** The slug of the tactic it puts into practice (a file in src/content/tactics/). */
    tactic: slugSchema,
    situation: situationSchema,
    channel: channelSchema,
    tone: toneSchema,
    /**
     * The need it answers, shared by every version of the same message in another tone or
     * channel (e.g. "ask-for-a-reference"); pages link the versions to each other.
     */
    need: slugSchema,
    /**
     * Subject line in Mustache syntax; required for email, where it needs words of its own
     * outside any section (src/build/content-check.ts refuses one that can come out empty).
     */
    subject: z.string().min(1).max(200).optional(),
    /**
     * How people ask for this message when they search, in their own words ("can you vouch for
     * me"): indexed with a high weight and never shown on the page. Optional; a few per template.
     */
    searchPhrases: z
      .array(
        z
          .string()
          .trim()
          .min(3, "a phrase needs at least three characters")
          .max(80, "keep each phrase under 80 characters")
          .regex(/^[\p{L}\p{N}' -]+$/u, "use only words, spaces, apostrophes and hyphens"),
      )
      .min(1, "list at least one phrase, or remove searchPhrases")
      .max(12, "list at most 12 phrases")
      .refine((phrases) => new Set(phrases.map((p) => p.toLowerCase())).size === phrases.length, {
        error: "list each phrase once: one of them is there twice",
      })
      .optional(),
  })
  .superRefine((data, ctx) => {
    if (CHANNELS[data.channel].hasSubject && data.subject === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["subject"],
        message: `add a line \`subject: …\`: an ${data.channel} needs a subject line`,
      });
    }
  });

export type TemplateData = z.infer<typeof templateSchema>;
