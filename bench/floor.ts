/**
 * The plain Astro floor: what the same library costs as the simplest Astro site a person would
 * write for it, built in the same run on the same machine, so every figure of the real site can
 * be printed beside it as a ratio.
 *
 * The floor is generated here, in a temporary folder, never kept in the repository. It has:
 * - one page per template at /items/<slug>/: its title, summary and Markdown body (the same
 *   files the real build reads), in a layout with a header and one small stylesheet;
 * - list pages of 50 links (Astro's paginate()) from /list/, and plain pages /extra/<n>/ until it
 *   holds exactly as many HTML pages as the real build wrote;
 * - a Pagefind index over every page with Pagefind's defaults, since the real site ships one.
 * - /type/, one field and the sentence it fills as you type: the keystroke figures' floor.
 * No islands, no JSON, and no script but /type/'s few lines: the floor is what any Astro site
 * pays anyway.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./project.ts";

/** Links per list page. */
export const FLOOR_PAGE_SIZE = 50;

const CONFIG = `import { defineConfig } from "astro/config";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

const search = {
  name: "floor-search",
  hooks: {
    "astro:build:done": async ({ dir, logger }) => {
      const started = performance.now();
      const { index } = await pagefind.createIndex();
      const added = await index.addDirectory({ path: fileURLToPath(dir) });
      await index.writeFiles({ outputPath: fileURLToPath(new URL("pagefind/", dir)) });
      await pagefind.close();
      logger.info(\`indexed \${added.page_count} pages in \${((performance.now() - started) / 1000).toFixed(2)} s\`);
    },
  },
};

export default defineConfig({
  site: "https://floor.example/",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [search],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

export const collections = {
  items: defineCollection({
    loader: glob({ pattern: "**/*.md", base: "./src/content/items" }),
    schema: z.object({ title: z.string(), summary: z.string() }),
  }),
};
`;

const LAYOUT = `---
interface Props { title: string; description: string }
const { title, description } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    <meta name="description" content={description} />
  </head>
  <body>
    <header><a href="/">Floor</a> <a href="/list/">All items</a></header>
    <main><slot /></main>
  </body>
</html>
<style is:global>
  body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 40rem; padding: 1rem; }
  header { display: flex; gap: 1rem; margin-block-end: 1rem; }
  li { margin-block: 0.5rem; }
</style>
`;

const ITEM_PAGE = `---
import { getCollection, render } from "astro:content";
import Layout from "../../layouts/Layout.astro";
export async function getStaticPaths() {
  return (await getCollection("items")).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Layout title={entry.data.title} description={entry.data.summary}>
  <h1>{entry.data.title}</h1>
  <p>{entry.data.summary}</p>
  <article><Content /></article>
</Layout>
`;

const LIST_PAGE = `---
import type { GetStaticPaths } from "astro";
import { getCollection } from "astro:content";
import Layout from "../../layouts/Layout.astro";
export const getStaticPaths = (async ({ paginate }) =>
  paginate(await getCollection("items"), { pageSize: ${FLOOR_PAGE_SIZE} })) satisfies GetStaticPaths;
const { page } = Astro.props;
---
<Layout title={\`Items, page \${page.currentPage}\`} description="Every item, fifty a page.">
  <h1>Items, page {page.currentPage} of {page.lastPage}</h1>
  <ul>{page.data.map((entry) => <li><a href={\`/items/\${entry.id}/\`}>{entry.data.title}</a><br />{entry.data.summary}</li>)}</ul>
  {page.url.next && <a href={page.url.next}>Next page</a>}
</Layout>
`;

const extraPage = (count: number): string => `---
import Layout from "../../layouts/Layout.astro";
export function getStaticPaths() {
  return Array.from({ length: ${count} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const { n } = Astro.params;
---
<Layout title={\`Page \${n}\`} description="A plain page.">
  <h1>Page {n}</h1>
  <p>A plain page, so the floor holds as many pages as the real site.</p>
</Layout>
`;

/**
 * The keystroke floor: one field and a sentence that shows it as you type, the least a live
 * preview can do. The bench types into it with the site's probe (bench/browser.ts), so the
 * site's keystroke figures have a floor beside them like every other figure.
 */
const TYPE_PAGE = `---
import Layout from "../layouts/Layout.astro";
---
<Layout title="Type" description="A field and its live preview.">
  <h1>Type</h1>
  <label for="rk-field-theirName">Their name</label>
  <input id="rk-field-theirName" autocomplete="off" />
  <p data-message-part="body">Hi [Their name], it has been a while.</p>
</Layout>
<script>
  const input = document.querySelector("input");
  const body = document.querySelector("[data-message-part=body]");
  input?.addEventListener("input", () => {
    if (body) body.textContent = \`Hi \${input.value.trim() || "[Their name]"}, it has been a while.\`;
  });
</script>
`;

const HOME = `---
import Layout from "../layouts/Layout.astro";
---
<Layout title="Floor" description="The plain Astro floor.">
  <h1>Floor</h1>
  <p><a href="/list/">Every item</a></p>
</Layout>
`;

export interface Floor {
  readonly dir: string;
  readonly pages: number;
}

/**
 * Writes the floor project for `templatesDir` (the real copy's src/content/templates, synthetic
 * templates included) with `pages` HTML pages in all: items, list pages, home and 404-free extras.
 */
export function writeFloor(templatesDir: string, pages: number): Floor {
  const dir = mkdtempSync(join(tmpdir(), "rk-bench-floor-"));
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    if (![".astro", ".vite", ".cache"].includes(name))
      symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name));
  }
  const items = readdirSync(templatesDir, { recursive: true }).filter((f) => String(f).endsWith(".md"));
  mkdirSync(join(dir, "src/content/items"), { recursive: true });
  for (const file of items) {
    const name = String(file).split("/").at(-1) ?? String(file);
    cpSync(join(templatesDir, String(file)), join(dir, "src/content/items", name));
  }
  const lists = Math.max(1, Math.ceil(items.length / FLOOR_PAGE_SIZE));
  // Home and the typing page, then items and lists; extras make up the rest.
  const extras = Math.max(0, pages - items.length - lists - 2);
  const files: Record<string, string> = {
    "package.json": `${JSON.stringify({ name: "floor", private: true, type: "module" })}\n`,
    "astro.config.mjs": CONFIG,
    "src/content.config.ts": CONTENT_CONFIG,
    "src/layouts/Layout.astro": LAYOUT,
    "src/pages/index.astro": HOME,
    "src/pages/type.astro": TYPE_PAGE,
    "src/pages/items/[slug].astro": ITEM_PAGE,
    "src/pages/list/[...page].astro": LIST_PAGE,
    ...(extras > 0 ? { "src/pages/extra/[n].astro": extraPage(extras) } : {}),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, pages: items.length + lists + 2 + extras };
}
