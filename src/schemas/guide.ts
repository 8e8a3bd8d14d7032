import { z } from "astro/zod";
import { situationSchema } from "./common.ts";

/** Frontmatter of a guide page (src/content/guides/<slug>.mdx). */
export const guideSchema = z.object({
  title: z.string().min(1).max(80),
  /** One or two sentences for lists, search results and the page description. */
  summary: z.string().min(1).max(200),
  /** The situation the guide walks through; omit for general guides. */
  situation: situationSchema.optional(),
  /** Position in guide lists, smallest first. */
  order: z.number().int().min(0),
});

export type GuideData = z.infer<typeof guideSchema>;
