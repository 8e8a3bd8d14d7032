/**
 * The WordPress plugin as the firm installs it: wordpress/reconnect-kit/ zipped, with a
 * defaults.php that points it at this site and pins the widget this build wrote (the settings
 * page can change both). Written into dist/wordpress/reconnect-kit-<version>.zip.
 *
 * Deterministic: files in sorted order, one fixed time on every entry and fixed compression, so
 * the same sources give the same bytes (tests/build/wordpress-plugin.test.ts).
 */
import { zipSync, type Zippable } from "fflate";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { WidgetInfo } from "./widget-integration.ts";

export const PLUGIN_SLUG = "reconnect-kit";

/** Zip entries carry DOS times, which start in 1980; any fixed time will do. */
const ENTRY_TIME = new Date("2000-01-01T00:00:00Z");

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A PHP single-quoted string: only \ and ' need escaping. */
function phpString(value: string): string {
  return `'${value.replace(/[\\']/g, "\\$&")}'`;
}

export function defaultsPhp(siteRoot: string, widget: WidgetInfo): string {
  return `<?php
// Written by the kit's build: this site and the widget version built with this plugin.
defined( 'ABSPATH' ) || exit;
return array(
\t'address'   => ${phpString(siteRoot)},
\t'version'   => ${phpString(widget.version)},
\t'integrity' => ${phpString(widget.integrity)},
);
`;
}

/** The plugin's zip: every file of `source` under reconnect-kit/, plus defaults.php. */
export function pluginZip(source: string, siteRoot: string, widget: WidgetInfo): Uint8Array {
  const entries: Zippable = {};
  for (const file of filesUnder(source)) {
    const name = `${PLUGIN_SLUG}/${relative(source, file).split(sep).join("/")}`;
    entries[name] = [readFileSync(file), { mtime: ENTRY_TIME }];
  }
  entries[`${PLUGIN_SLUG}/defaults.php`] = [
    new TextEncoder().encode(defaultsPhp(siteRoot, widget)),
    { mtime: ENTRY_TIME },
  ];
  return zipSync(entries, { level: 9, mtime: ENTRY_TIME });
}

/** dist/wordpress/reconnect-kit-<version>.zip, relative to the site root. */
export function pluginZipPath(packageVersion: string): string {
  return `wordpress/${PLUGIN_SLUG}-${packageVersion}.zip`;
}
