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
 *
 * Then it writes the index's own word list (src/lib/search/vocabulary.ts) from the fragments
 * Pagefind wrote: exactly the text and meta it indexed, so typo correction never suggests a word
 * the index cannot find.
 */
import type { AstroIntegration } from "astro";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import * as pagefind from "pagefind";
import { VOCABULARY_FILE, vocabularyFile } from "../lib/search/vocabulary.ts";
import { wordsOf } from "../lib/search/words.ts";

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

interface Fragment {
  readonly content: string;
  readonly meta: Readonly<Record<string, string>>;
}

/** Pagefind's fragment files: gzip of a "pagefind_dcd" signature and the page's JSON. */
async function readFragment(path: string): Promise<Fragment> {
  const data = await promisify(gunzip)(await readFile(path));
  return JSON.parse(data.subarray("pagefind_dcd".length).toString("utf8")) as Fragment;
}

/** Writes the word list from every fragment; returns how many words it holds. */
async function writeVocabulary(indexPath: string): Promise<number> {
  const folder = join(indexPath, "fragment");
  const names = (await readdir(folder)).filter((name) => name.endsWith(".pf_fragment"));
  const pages = await Promise.all(
    names.map(async (name) => {
      const { content, meta } = await readFragment(join(folder, name));
      // The image meta is a URL, not words anyone searches for.
      const searched = Object.entries(meta).filter(([key]) => !key.startsWith("image"));
      return wordsOf([content, ...searched.map(([, value]) => value)].join(" "));
    }),
  );
  const file = vocabularyFile(pages);
  await writeFile(join(indexPath, VOCABULARY_FILE), JSON.stringify(file));
  return Object.keys(file.words).length;
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
          const words = await writeVocabulary(written.outputPath);
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          // bench/run.ts reads this line for the index's share of the build time.
          logger.info(
            `indexed ${pages} pages (of ${added.page_count} HTML files read) into ${SEARCH_INDEX_DIR}/ in ${seconds} s, with ${words} words for spelling`,
          );
        } finally {
          // Pagefind runs as a child process; without this the build would never exit.
          await pagefind.close();
        }
      },
    },
  };
}
