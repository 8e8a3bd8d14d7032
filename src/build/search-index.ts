/**
 * Builds the Pagefind search index at the end of `astro build`, through Pagefind's Node API, so
 * one command makes the whole site and no second step can be forgotten (a host running only
 * `astro build` used to ship a search that found nothing).
 *
 * The index is the one `pagefind --site dist` made: the same default settings (no Pagefind
 * config file exists), every HTML file of the output, and the bundle in <output>/pagefind/,
 * which the search UI loads from the base path. Filters, meta and the indexed region come from
 * the pages' data-pagefind-* attributes, as before. It runs after the other integrations'
 * build:done hooks (it is listed last), so it indexes the pages as they ship.
 */
import type { AstroIntegration } from "astro";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

/** The folder under the output that holds the index; src/client/search-ui.ts loads it from here. */
export const SEARCH_INDEX_DIR = "pagefind";

/**
 * How many pages the written index holds. addDirectory counts every HTML file it read; only
 * pages with a data-pagefind-body element are indexed, and the entry file says how many.
 */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

export function searchIndex(): AstroIntegration {
  return {
    name: "reconnect-kit:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const fail = (step: string, errors: readonly string[]): Error =>
          new Error(`Pagefind could not ${step}:\n  ${errors.join("\n  ")}`);
        try {
          const { index, errors } = await pagefind.createIndex();
          if (index === undefined || errors.length > 0) throw fail("start", errors);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw fail(`index ${site}`, added.errors);
          const written = await index.writeFiles({ outputPath: join(site, SEARCH_INDEX_DIR) });
          if (written.errors.length > 0) throw fail(`write ${written.outputPath}`, written.errors);
          const pages = await indexedPages(written.outputPath);
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          // bench/run.ts reads this line for the index's share of the build time.
          logger.info(
            `indexed ${pages} pages (of ${added.page_count} HTML files read) into ${SEARCH_INDEX_DIR}/ in ${seconds} s`,
          );
        } finally {
          // Pagefind runs as a child process; without this the build would never exit.
          await pagefind.close();
        }
      },
    },
  };
}
