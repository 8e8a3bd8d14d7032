import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { brandCssPlugin } from "./src/build/brand-css.ts";
import { contentCheck } from "./src/build/content-check-integration.ts";
import { site } from "./src/site.config.ts";

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: "always",
  output: "static",
  integrations: [contentCheck(), mdx(), preact()],
  build: { format: "directory" },
  // Messages and advice have no code blocks; Shiki would also need inline styles the CSP forbids.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [brandCssPlugin(site)],
    // Vite's preload helper would add ~1 KB to every page for one lazy import (search); the
    // lazily loaded search module has no CSS or shared chunks worth preloading.
    build: { modulePreload: false },
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
