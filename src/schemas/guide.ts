import { z } from "astro/zod";
import { situationSchema, slugSchema } from "./common.ts";

/** Frontmatter of a guide page (src/content/guides/<slug>.mdx). */
export const guideSchema = z.object({
  title: z.string().min(1).max(80),
  /** One or two sentences for lists, search results and the page description. */
  summary: z.string().min(1).max(200),
  /** The situation the guide walks through; omit for general guides. */
  situation: situationSchema.optional(),
  /** Position in guide lists, smallest first. */
  order: z.number().int().min(0),
  /** Tactics the guide goes deeper on (files in src/content/tactics/); their pages link back to it. */
  tactics: z.array(slugSchema).optional(),
  /** Templates that put the guide into practice, listed on its page in this order. */
  templates: z.array(slugSchema).optional(),
});

export type GuideData = z.infer<typeof guideSchema>;
