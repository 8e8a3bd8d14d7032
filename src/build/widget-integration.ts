/**
 * Bundles the embeddable widget (src/widget/index.ts) with Rolldown and writes it next to the site:
 *
 *   dist/widget.js                      stable URL, always the latest
 *   dist/widget/<version>/widget.js     immutable URL, byte-identical, for pinning with SRI
 *   dist/widget/manifest.json           { version, file, integrity }
 *
 * Why the bundle is made in astro:config:setup rather than astro:build:done: the embed page
 * prints the pinned URL and its Subresource Integrity hash, and pages render before build:done.
 * So the integration bundles once, before anything renders, keeps the bytes in memory, hands
 * the version and hash to pages through a virtual module (virtual:reconnect-kit/widget), and
 * writes those same bytes in build:done. One bundling run per build: the hash printed on the
 * page is, by construction, the hash of the file written.
 *
 * Why Rolldown: it is the bundler Vite (and so Astro) already runs for the site's pages, and its
 * minifier (Oxc) writes every string with one kind of quote, which gzip rewards: widget.js comes
 * out about 3% smaller gzipped than with esbuild, for the same code. Then Terser compresses
 * Rolldown's output once more: its passes over the whole module fold what one pass leaves
 * (about 100 bytes gzipped, 1%), and Oxc's output is still what it starts from, since Terser
 * alone comes out larger. Only Terser's safe transforms are on (pure_getters is the same promise
 * as propertyReadSideEffects below); the widget's browser tests run these final bytes. Every
 * byte of the budget (tests/build/widget-build.test.ts) counts.
 *
 * In `astro dev` the same bundle is served from memory at /widget.js (and at any
 * /widget/<version>/widget.js), rebuilt on every request so edits show on reload.
 */
import type { AstroIntegration } from "astro";
import { build } from "rolldown";
import { minify as terser } from "terser";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import type { SiteConfig } from "../schemas/site.ts";
import { site as siteConfig } from "../config.ts";
import { widgetCss } from "../lib/api/widget-css.ts";
import { pluginZip, pluginZipPath } from "./wordpress-plugin.ts";

export interface WidgetInfo {
  /** package.json version and a short hash of the bundle, e.g. "0.1.0-1a2b3c4d". */
  readonly version: string;
  /** The immutable file, relative to the site root: "widget/0.1.0-1a2b3c4d/widget.js". */
  readonly file: string;
  /** Subresource Integrity of the file (and of widget.js, until the next release). */
  readonly integrity: string;
}

export interface WidgetBundle extends WidgetInfo {
  readonly code: string;
}

export const STABLE_FILE = "widget.js";
export const MANIFEST_FILE = "widget/manifest.json";

/**
 * Property names the bundle both writes and reads, and nothing else does: the view model of
 * src/lib/fill (message, meter, SMS count, actions) and the widget's own stores and errors.
 * Never a name of the public API: the events' detail ({ template, part, link }), ReconnectKit.
 * Rolldown shortens them (`mangleProps`), some 150 bytes of widget.js gzipped. Only names that
 * appear in no JSON the widget reads, no option a built-in takes and no DOM property it uses
 * may be listed; tests/build/widget-build.test.ts checks the list against the template JSON.
 */
export const MANGLED_PROPERTIES = [
  "countNote",
  "subjectOver",
  "primary",
  "newTab",
  "subjectSegments",
  "bodySegments",
  "fullText",
  "canUsePlainCharacters",
  "subjectMeter",
  "withinLimit",
  "nonGsmCharacters",
  "perSegment",
  "remaining",
  "lastFill",
  "multipart",
  "single",
  "units",
  "problem",
  // In the template JSON too (channel.limit.kind), but the widget never reads it there.
  "kind",
  "fromStorageEvent",
  "dropKept",
  "persisted",
  "actions",
  "count",
  "meter",
  "over",
  "segments",
  "used",
  "links",
  "missing",
  "refresh",
  "reason",
  "encoding",
  "build",
  "storage",
  // WIDGET_TEXT_EN's keys (src/lib/embed-text.ts): the words the widget has before any JSON.
  "loading",
  "loadingList",
  "failed",
  "failedList",
  "noName",
  "notFound",
  "noMatch",
  "openIt",
  "seeAll",
  "openPage",
  "newTab",
  "choose",
] as const;

/** Rolldown over src/widget/index.ts: one ES module with its CSS inside, nothing else to load. */
function packageVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
}

export async function bundleWidget(root: string, site: SiteConfig = siteConfig): Promise<WidgetBundle> {
  const version = packageVersion(root);
  let code: string;
  try {
    const result = await build({
      cwd: root,
      input: "src/widget/index.ts",
      platform: "browser",
      write: false,
      logLevel: "silent",
      // No code in the widget or the core it uses reads a property for its side effect (a
      // getter that does work), so the minifier may fold single-use reads into their one use.
      treeshake: { propertyReadSideEffects: false },
      transform: {
        target: "es2022",
        define: {
          __RK_VERSION__: JSON.stringify(version),
          __RK_NAME__: JSON.stringify(site.name),
        },
      },
      output: {
        format: "esm",
        minify: {
          compress: true,
          mangle: true,
          mangleProps: { include: new RegExp(`^(?:${MANGLED_PROPERTIES.join("|")})$`) },
        },
        comments: false,
      },
    });
    const compressed = await terser(result.output[0].code, {
      module: true,
      compress: { passes: 3, pure_getters: true },
      mangle: true,
      // One kind of quote, as Oxc writes them: a few bytes less once gzipped. 2 is
      // OutputQuoteStyle.AlwaysDouble, an enum Terser declares in its types only.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- see above
      format: { comments: false, quote_style: 2 },
    });
    // The stylesheet's text goes last, after minification, as a function declaration (hoisted,
    // so the code above may call it): in the middle it broke up the code's deflate blocks, at the
    // end widget.js is 26 bytes smaller gzipped.
    code = `${compressed.code ?? ""}\nfunction rkCss(){return${JSON.stringify(widgetCss(site.colors.accent, site.colors.accentDark))}}`;
  } catch (error) {
    throw new Error(`The widget (src/widget/index.ts) did not bundle:\n${(error as Error).message}`, {
      cause: error,
    });
  }
  const full = `${version}-${createHash("sha256").update(code).digest("hex").slice(0, 8)}`;
  return {
    code,
    version: full,
    file: `widget/${full}/widget.js`,
    integrity: `sha384-${createHash("sha384").update(code).digest("base64")}`,
  };
}

const MODULE_ID = "virtual:reconnect-kit/widget";
const RESOLVED_ID = `\0${MODULE_ID}`;

function widgetPlugin(
  current: () => Promise<WidgetBundle>,
  fresh: () => Promise<WidgetBundle>,
  base: string,
): Plugin {
  const stable = `${base.replace(/\/?$/, "/")}${STABLE_FILE}`;
  const versioned = new RegExp(
    `^${base.replace(/\/?$/, "/").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}widget/[^/]+/widget\\.js$`,
  );
  return {
    name: "reconnect-kit:widget",
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { version, file, integrity } = await current();
      return `export const widget = ${JSON.stringify({ version, file, integrity } satisfies WidgetInfo)};`;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? "/", "http://dev").pathname;
        if (path !== stable && !versioned.test(path)) {
          next();
          return;
        }
        fresh().then(
          ({ code }) => {
            response.writeHead(200, {
              "content-type": "text/javascript; charset=utf-8",
              "access-control-allow-origin": "*",
              "cache-control": "no-cache",
            });
            response.end(code);
          },
          (error: unknown) => {
            response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(String(error));
          },
        );
      });
    },
  };
}

export function widget(site: SiteConfig = siteConfig): AstroIntegration {
  let root = "";
  let bundle: Promise<WidgetBundle> | undefined;
  const current = (): Promise<WidgetBundle> => (bundle ??= bundleWidget(root, site));
  return {
    name: "reconnect-kit:widget",
    hooks: {
      "astro:config:setup": async ({ config, command, updateConfig }) => {
        root = fileURLToPath(config.root);
        // Before any page renders, so a bundling error stops the build here with its message.
        if (command === "build") await current();
        updateConfig({
          vite: { plugins: [widgetPlugin(current, () => bundleWidget(root, site), config.base)] },
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const { code, version, file, integrity } = await current();
        const out = fileURLToPath(dir);
        const write = async (path: string, text: string): Promise<void> => {
          await mkdir(dirname(join(out, path)), { recursive: true });
          await writeFile(join(out, path), text);
        };
        await write(STABLE_FILE, code);
        await write(file, code);
        await write(
          MANIFEST_FILE,
          `${JSON.stringify({ version, file, integrity } satisfies WidgetInfo, null, 2)}\n`,
        );
        logger.info(`${STABLE_FILE} and ${file} (${Buffer.byteLength(code).toLocaleString("en-US")} bytes)`);
        // The WordPress plugin pins the widget this build wrote (src/build/wordpress-plugin.ts).
        const zip = pluginZipPath(packageVersion(root));
        const siteRoot = new URL(site.base, site.url).href;
        await mkdir(dirname(join(out, zip)), { recursive: true });
        await writeFile(
          join(out, zip),
          pluginZip(join(root, "wordpress/reconnect-kit"), siteRoot, { version, file, integrity }),
        );
        logger.info(`${zip}, the WordPress plugin`);
      },
    },
  };
}
