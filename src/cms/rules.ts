/**
 * The rules the preview checks with: the collections' own Zod schemas, so a problem reads as it
 * does in the build. Zod ships in the /admin/ bundle only; the site's pages never load it. The
 * advice pages' MDX rules need Node (satteri), and the preview is for templates, so none here.
 */
import type { CheckRules } from "../lib/content-check/check.ts";
import { COLLECTION_SCHEMAS } from "../schemas/collections.ts";

export function previewRules(locale: string): CheckRules {
  return { schemas: COLLECTION_SCHEMAS, pageBodyProblems: () => [], locale };
}
