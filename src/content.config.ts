import { defineCollection } from "astro:content";
import { libraryCheck } from "./build/content-check-loader.ts";
import { fieldSchema } from "./schemas/field.ts";
import { guideSchema } from "./schemas/guide.ts";
import { tacticSchema } from "./schemas/tactic.ts";
import { templateSchema } from "./schemas/template.ts";

// Astro's loaders, with the content checks run on what they load
// (src/build/content-check-loader.ts): a bad template stops the build with the file, the line
// and the fix, and no file is parsed twice. Slugs are file names, whatever the sub-folder.
const check = libraryCheck();

export const collections = {
  tactics: defineCollection({
    loader: check.glob("tactics", { base: "./src/content/tactics", extensions: [".md", ".mdx"] }),
    schema: tacticSchema,
  }),
  guides: defineCollection({
    loader: check.glob("guides", { base: "./src/content/guides", extensions: [".md", ".mdx"] }),
    schema: guideSchema,
  }),
  templates: defineCollection({
    loader: check.glob("templates", { base: "./src/content/templates", extensions: [".md"] }),
    schema: templateSchema,
  }),
  fields: defineCollection({
    loader: check.fields("./src/content/fields.yaml"),
    schema: fieldSchema,
  }),
};
