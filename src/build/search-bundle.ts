/**
 * Bundles the search UI (src/client/search-ui.ts) with esbuild, apart from Vite's page bundles.
 *
 * Why: the header's search trigger loads this UI on first use. Through Vite, that dynamic
 * import pulls Vite's preload helper (about 0.9 KB gzipped) onto every page, which alone would
 * take half the 2 KB budget of a page without an island. Bundled here, the trigger imports a
 * plain URL and no page pays for the helper. The bundle is made when the config is set up, so
 * its hashed URL can be compiled into the trigger, and written into the build output at the end.
 */
import type { AstroIntegration } from "astro";
import { build, transform, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** `import css from "x.css?raw"` as Vite reads it: the stylesheet's text, here minified. */
const rawCss: Plugin = {
  name: "raw-css",
  setup(plugin) {
    plugin.onResolve({ filter: /\.css\?raw$/ }, (args) => ({
      path: join(args.resolveDir, args.path.replace(/\?raw$/, "")),
      namespace: "raw-css",
    }));
    plugin.onLoad({ filter: /.*/, namespace: "raw-css" }, async (args) => {
      const css = await transform(await readFile(args.path, "utf8"), { loader: "css", minify: true });
      return { contents: css.code, loader: "text" };
    });
  },
};

export function searchBundle(): AstroIntegration {
  let bundle: { file: string; code: string } | undefined;
  return {
    name: "reconnect-kit:search-bundle",
    hooks: {
      "astro:config:setup": async ({ command, config, updateConfig }) => {
        if (command !== "build") return;
        const result = await build({
          absWorkingDir: fileURLToPath(config.root),
          entryPoints: ["src/client/search-ui.ts"],
          bundle: true,
          format: "esm",
          target: "es2022",
          minify: true,
          write: false,
          logLevel: "silent",
          plugins: [rawCss],
          define: { "import.meta.env.BASE_URL": JSON.stringify(config.base) },
        });
        const code = result.outputFiles[0]?.text ?? "";
        const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
        bundle = { file: `_astro/search-ui.${hash}.js`, code };
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        updateConfig({ vite: { define: { __RK_SEARCH_UI_URL__: JSON.stringify(`${base}${bundle.file}`) } } });
      },
      "astro:build:done": async ({ dir }) => {
        if (bundle === undefined) return;
        const path = join(fileURLToPath(dir), bundle.file);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, bundle.code);
      },
    },
  };
}
