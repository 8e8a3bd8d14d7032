import { fieldSchema } from "./field.ts";
import { guideSchema } from "./guide.ts";
import { tacticSchema } from "./tactic.ts";
import { templateSchema } from "./template.ts";

/** The schema of each kind of content file, as the content check takes them (CheckRules). */
export const COLLECTION_SCHEMAS = {
  field: fieldSchema,
  tactic: tacticSchema,
  guide: guideSchema,
  template: templateSchema,
} as const;
