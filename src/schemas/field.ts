import { z } from "astro/zod";
import { FIELD_OWNERS, FIELD_TYPES } from "../lib/fields.ts";
import { FIELD_ID_PATTERN } from "../lib/ids.ts";

/** One entry of the field registry (src/content/fields.yaml). */
export const fieldSchema = z
  .object({
    /** The name templates use, as {{id}}: camelCase letters and digits. */
    id: z.string().regex(FIELD_ID_PATTERN, "use camelCase letters and digits, e.g. theirName"),
    /** Short label shown above the input and as the placeholder "[Label]". */
    label: z.string().min(1).max(60),
    /** One sentence a stranger understands, shown under the label. */
    hint: z.string().min(1).max(160),
    /** How the detail helps, in one short sentence; an optional detail shows it before its hint. */
    why: z.string().min(1).max(100),
    /** A realistic value; the build fills every template with these to check channel limits. */
    example: z.string().min(1),
    /** Which input to show: text, longtext (textarea), date, email, tel or choice (select). */
    type: z.enum(FIELD_TYPES),
    /** Whose detail it is: you, them (the person written to, kept per person) or job. */
    about: z.enum(FIELD_OWNERS, {
      error: "say whose detail this is: you, them (the person you write to) or job",
    }),
    /** The choices for a `choice` field, in the order they are offered. */
    options: z.array(z.string().min(1)).min(2).optional(),
    /** The most characters the input accepts. */
    maxLength: z.number().int().positive().optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === "choice" && field.options === undefined) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "a choice field needs a list of options" });
    }
    if (field.type === "choice" && field.options !== undefined && !field.options.includes(field.example)) {
      ctx.addIssue({ code: "custom", path: ["example"], message: "the example must be one of the options" });
    }
    if (field.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(field.example)) {
      ctx.addIssue({
        code: "custom",
        path: ["example"],
        message:
          'write dates as "YYYY-MM-DD" in quotes, e.g. "2026-12-11" (unquoted, YAML reads them as timestamps)',
      });
    }
    if (field.maxLength !== undefined && field.example.length > field.maxLength) {
      ctx.addIssue({
        code: "custom",
        path: ["example"],
        message: `the example is longer than maxLength (${field.maxLength})`,
      });
    }
  });

export type Field = z.infer<typeof fieldSchema>;
