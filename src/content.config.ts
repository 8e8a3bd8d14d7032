import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { basename, extname } from "node:path";
import { fieldSchema } from "./schemas/field.ts";
import { guideSchema } from "./schemas/guide.ts";
import { tacticSchema } from "./schemas/tactic.ts";
import { templateSchema } from "./schemas/template.ts";

/** Slugs come from file names alone, so editors may sort files into sub-folders freely. */
const slugFromFileName = ({ entry }: { entry: string }): string => basename(entry, extname(entry));

export const collections = {
  tactics: defineCollection({
    loader: glob({ pattern: "**/*.{md,mdx}", base: "./src/content/tactics", generateId: slugFromFileName }),
    schema: tacticSchema,
  }),
  guides: defineCollection({
    loader: glob({ pattern: "**/*.{md,mdx}", base: "./src/content/guides", generateId: slugFromFileName }),
    schema: guideSchema,
  }),
  templates: defineCollection({
    loader: glob({ pattern: "**/*.md", base: "./src/content/templates", generateId: slugFromFileName }),
    schema: templateSchema,
  }),
  fields: defineCollection({
    loader: file("./src/content/fields.yaml"),
    schema: fieldSchema,
  }),
};
