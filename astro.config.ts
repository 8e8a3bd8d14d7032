import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { brandCssPlugin } from "./src/build/brand-css.ts";
import { cmsEditor } from "./src/build/cms-integration.ts";
import { hostingFiles } from "./src/build/hosting-integration.ts";
import { modulePreloadsPlugin } from "./src/build/module-preloads.ts";
import { searchBundle } from "./src/build/search-bundle.ts";
import { searchIndex } from "./src/build/search-index.ts";
import { siteMap } from "./src/build/sitemap.ts";
import { templateFilesIntegration } from "./src/build/template-files.ts";
import { widget } from "./src/build/widget-integration.ts";
// The checked config (a bad brand setting fails the build here with a readable list), with
// SITE_BASE applied: SITE_BASE=/careers/reconnect/ npm run build builds the site for that folder.
import { site } from "./src/config.ts";

/** Modules every page with a fill-in, planner or tracker needs; see build.rolldownOptions below. */
const ISLAND_CORE =
  /vite[\\/]preload-helper|src[\\/]lib[\\/](storage|profile|people|outreach|iso-date|file-names|ui-text)\.ts$|src[\\/]client[\\/](clipboard|store-sync|details|undo-offer)\.ts$/;
/** What a Preact island adds: the runtime, the element that hydrates it, and the islands' hooks. */
const PREACT_CORE =
  /node_modules[\\/]preact[\\/]|src[\\/]client[\\/]island\.ts$|src[\\/]components[\\/]islands[\\/](Kept\.tsx|Undo\.tsx|use-details\.ts)$/;

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: "always",
  output: "static",
  // Order matters at astro:build:done, where hooks run one after another: the sitemap and host
  // files are written, then the search index is built from the finished pages. The content
  // editor (/admin/) is written last: it is no page of the site, for the sitemap or the index.
  integrations: [
    searchBundle(),
    mdx(),
    preact(),
    widget(),
    templateFilesIntegration(),
    siteMap(),
    hostingFiles(),
    searchIndex(),
    cmsEditor(),
  ],
  // One stylesheet for the whole site (cssCodeSplit below), as a file: one render-blocking
  // request on a first visit, none after, instead of three to five per page (issue 17). Inlining
  // it would spare that request (a template page's LCP about 745 against 1,146 ms in an A/B run)
  // but costs each page about 3 KB of CSS and 0.5 KB of style hashes in its CSP, more than the
  // 12 KB HTML budget of the heaviest template page leaves; style-src 'self' covers the file.
  //
  // Four pages rendered at a time: a page's render waits on file writes and streams, and at
  // 5,000 templates (10,000 pages) rendering one at a time left the main thread idle for half of
  // it. Four took page generation from 23 to 15 s in `npm run bench` (eight: 14.5 s, with more
  // memory); at the repo's size it changes nothing. Output is the same file for file.
  build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
  // Messages and advice have no code blocks; Shiki would also need inline styles the CSP forbids.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [
      brandCssPlugin(site),
      modulePreloadsPlugin(),
      {
        // Vite wraps every dynamic import in a preload helper (about 1 KB gzipped on every island
        // page) that first loads the imported chunk's own imports in parallel. Those are all in
        // island-core, which the page has already loaded, so there is nothing to preload:
        // modulePreload is off for the browser build (Astro sets its own over the top-level
        // one, so this sets the client environment's), and the helper just runs the import.
        name: "reconnect-kit:no-module-preload",
        enforce: "pre" as const,
        configEnvironment: (name: string) =>
          name === "client" ? { build: { modulePreload: false } } : undefined,
        load: (id: string) =>
          id === "\0vite/preload-helper.js" ? "export const __vitePreload = (load) => load();" : undefined,
      },
    ],
    build: {
      // One stylesheet for every page (see inlineStylesheets above).
      cssCodeSplit: false,
      // The header's script (search trigger, theme button, menu) goes in a file of its own,
      // cached from page to page, rather than inline in every page: its 1 KB gzipped is needed
      // only on a click or key, and every page's HTML keeps within its 12 KB with styles inline.
      // Every other small asset keeps Vite's default (inlined below 4 KB).
      assetsInlineLimit: (file: string) =>
        /BaseLayout\.astro_astro_type_script/.test(file) ? false : undefined,
      rolldownOptions: {
        output: {
          // Two shared files. island-core: what the template page's fill-in and the Preact islands
          // all need (the profile, the people written to, storage, tab-sync, the details session,
          // clipboard, how long Undo is offered, the date, file-name and words' rules, and Vite's
          // preload helper). preact-core: Preact, its hooks and JSX runtime, the element
          // that hydrates an island (island.ts), the islands' details hook, Undo and the loader of
          // the notice for unreadable saved data. A template page loads only the first: its face
          // is plain DOM (src/client/fill-in.ts). Shared files instead of many small ones save
          // the per-file overhead on each page (the budgets in tests/build). Pages without an
          // island load neither: the search trigger imports its UI by URL
          // (src/build/search-bundle.ts), not through Vite.
          codeSplitting: {
            // island-core takes its modules first: a group also takes what its modules import,
            // and the fill-in's modules would otherwise follow the islands' hook into preact-core.
            groups: [
              { name: "island-core", priority: 2, test: (id: string) => ISLAND_CORE.test(id) },
              { name: "preact-core", priority: 1, test: (id: string) => PREACT_CORE.test(id) },
            ],
          },
        },
      },
    },
  },
  security: {
    // Hash-based CSP in a <meta> tag on every page (no 'unsafe-inline' for scripts).
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // Pagefind runs its search in a web worker from the site's own /pagefind/ folder.
        "worker-src 'self'",
      ],
      // Pagefind compiles WebAssembly, which CSP gates behind 'wasm-unsafe-eval' (not 'unsafe-eval').
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
