/**
 * Writes each template's JSON and plain text (api/templates/<slug>.json, templates/<slug>.txt)
 * from the one response src/pages/api/template-files.json.ts renders, then deletes that
 * response: the files the API documents, written in one pass, without two Astro routes per
 * template (issue 17). In `astro dev` the per-template routes serve the same files.
 */
import type { AstroIntegration } from "astro";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the build renders the bundle, relative to the output root. */
export const TEMPLATE_FILES_BUNDLE = "api/template-files.json";

export function templateFilesIntegration(): AstroIntegration {
  return {
    name: "reconnect-kit:template-files",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const bundle = join(root, TEMPLATE_FILES_BUNDLE);
        const files = JSON.parse(await readFile(bundle, "utf8")) as [string, string][];
        const started = performance.now();
        const folders = new Set(files.map(([path]) => dirname(join(root, path))));
        await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
        await Promise.all(files.map(([path, contents]) => writeFile(join(root, path), contents)));
        await rm(bundle);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`wrote ${files.length} template files in ${seconds} s`);
      },
    },
  };
}
