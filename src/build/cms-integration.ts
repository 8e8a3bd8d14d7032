/**
 * Writes the content editor, /admin/, beside the site at astro:build:done (its script bundled
 * from astro:build:start on, beside the pages):
 *
 *   dist/admin/index.html   the page: noindex, its own CSP, the library snapshot for the preview
 *   dist/admin/config.yml   Decap CMS's configuration, made from the schemas (cms-config.ts)
 *   dist/admin/cms.js       Decap CMS and the preview (src/cms/admin.ts), bundled by esbuild
 *
 * Nothing here is an Astro page, so no other page loads any of it, the sitemap never lists it
 * and Pagefind never indexes it (it indexes pages with data-pagefind-body only). esbuild rather
 * than Rolldown: Decap ships CommonJS and ES modules with JSX runtime imports that esbuild
 * bundles as they are, in about a second, into one classic script.
 *
 * `npm run cms` (scripts/cms.ts) writes the same files into a temporary folder with
 * writeAdmin(), without building the site.
 */
import type { AstroIntegration } from "astro";
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { site } from "../config.ts";
import type { LibrarySnapshot } from "../cms/preview-model.ts";
import { formatCsp } from "../lib/hosting.ts";
import { jsonForScript } from "../lib/json-script.ts";
import { cmsConfig, type CmsBackend } from "./cms-config.ts";
import { checkFieldsAndTactics, FIELDS_PATH, readSources } from "./content-check.ts";

/** The folder the editor lives in, under the site's base. */
export const ADMIN_DIR = "admin";

/**
 * The editor's policy, apart from the site's. Decap styles itself with Emotion, which writes
 * <style> elements at run time ('unsafe-inline' for styles), and validates its config with Ajv,
 * which compiles schemas with new Function ('unsafe-eval'); neither is allowed on any other page.
 * It talks to GitHub's API and, on an editor's own machine, to decap-server on localhost.
 */
export const ADMIN_CSP = formatCsp(
  new Map([
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", "'unsafe-eval'"]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com"]],
    ["connect-src", ["'self'", "https://api.github.com", "http://localhost:*", "http://127.0.0.1:*"]],
    ["frame-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
  ]),
);

/**
 * The production backend: GitHub, from the site config (docs/editing.md). Without `cms` there,
 * the editor still works on an editor's own machine (npm run cms), and says it cannot sign in.
 */
export function siteBackend(): CmsBackend {
  const cms = site.cms ?? { repo: "set-cms-repo/in-site-config", branch: "main" };
  return {
    repo: cms.repo,
    branch: cms.branch,
    ...(cms.authBaseUrl === undefined ? {} : { authBaseUrl: cms.authBaseUrl }),
  };
}

/** Every content file's text, for the preview's check. */
export function librarySnapshot(root: string): LibrarySnapshot {
  const read = (dir: string, extensions: readonly string[]) =>
    readSources(root, `src/content/${dir}`, extensions);
  let fields = "";
  try {
    fields = readFileSync(join(root, FIELDS_PATH), "utf8");
  } catch {
    // No registry: the preview's check says so, as the build does.
  }
  return {
    locale: site.locale,
    fields,
    tactics: read("tactics", [".md", ".mdx"]),
    guides: read("guides", [".md", ".mdx"]),
    templates: read("templates", [".md"]),
  };
}

function page(snapshot: LibrarySnapshot): string {
  // The CSP meta repeats the header's policy (src/build/hosting-integration.ts), so the page is
  // held to it on hosts that do not read _headers too.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${ADMIN_CSP.replaceAll("'", "&#39;")}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Content editor · ${site.name}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
</head>
<body>
<script type="application/json" id="rk-library">${jsonForScript(snapshot)}</script>
<script src="cms.js"></script>
</body>
</html>
`;
}

/** Decap CMS and the preview as one script (cms.js). */
function bundleEditor(root: string): Promise<Uint8Array> {
  return build({
    absWorkingDir: root,
    entryPoints: ["src/cms/admin.ts"],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    logLevel: "warning",
  }).then((result) => result.outputFiles[0]?.contents ?? new Uint8Array());
}

/**
 * Write the editor's three files into `outDir`. `bundle` is the editor's script when it was
 * started earlier (the build starts it as pages begin to render: esbuild works on threads of
 * its own, so the 1.5 s it takes at any library size run beside the pages, not after them).
 */
export async function writeAdmin(
  root: string,
  outDir: string,
  backend: CmsBackend,
  bundle: Promise<Uint8Array> = bundleEditor(root),
): Promise<void> {
  // The valid fields and tactics, even when others have problems: the editor is where they get fixed.
  const { fields, tactics } = checkFieldsAndTactics(root);
  const config = cmsConfig({
    fields,
    tactics: [...tactics].map(([slug, data]) => ({ slug, title: data.title, situation: data.situation })),
    siteUrl: `${site.url}${site.base}`.replace(/\/$/, ""),
    backend,
  });
  const script = await bundle;
  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, "index.html"), page(librarySnapshot(root))),
    writeFile(join(outDir, "config.yml"), stringify(config, { lineWidth: 0 })),
    writeFile(join(outDir, "cms.js"), script),
  ]);
}

export function cmsEditor(): AstroIntegration {
  let root = "";
  let bundle: Promise<Uint8Array> | undefined;
  return {
    name: "reconnect-kit:cms",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:start": () => {
        bundle = bundleEditor(root);
        // Awaited in build:done; a build that stops before then must not also report this.
        bundle.catch(() => undefined);
      },
      "astro:build:done": async ({ dir }) => {
        await writeAdmin(root, join(fileURLToPath(dir), ADMIN_DIR), siteBackend(), bundle);
      },
    },
  };
}
