import { z } from "astro/zod";
import { channelSchema, situationSchema } from "./common.ts";

/** Frontmatter of a tactic page (src/content/tactics/<slug>.mdx). */
export const tacticSchema = z.object({
  /** The tactic's name, written as an instruction: "Own the lapse". */
  title: z.string().min(1).max(70),
  /** One or two sentences for lists, search results and the page description. */
  summary: z.string().min(1).max(200),
  /** Which situation the tactic belongs to. */
  situation: situationSchema,
  /** Its number in the guide, 1 to 9, across both situations. */
  order: z.number().int().min(1).max(9),
  /** The channels its templates use, most useful first. */
  channels: z.array(channelSchema).min(1),
  /** How long it takes, in plain words: "10 minutes". */
  timeNeeded: z.string().min(1).max(60),
});

export type TacticData = z.infer<typeof tacticSchema>;
