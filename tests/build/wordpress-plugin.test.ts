/**
 * The plugin zip the build writes (src/build/wordpress-plugin.ts), made here from the sources:
 * its files, its defaults, its licence and version, deterministic bytes; and every PHP file
 * parses (where PHP is installed; .ci/run requires it).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { pluginZip, pluginZipPath } from "../../src/build/wordpress-plugin.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SOURCE = join(ROOT, "wordpress/reconnect-kit");
const WIDGET = {
  version: "0.1.0-1a2b3c4d",
  file: "widget/0.1.0-1a2b3c4d/widget.js",
  integrity: `sha384-${"A".repeat(64)}`,
};
const zip = () => pluginZip(SOURCE, "https://kit.example/", WIDGET);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("the plugin zip", () => {
  test("holds the plugin under reconnect-kit/, with defaults.php pointing at the site and its widget", () => {
    const files = unzipSync(zip());
    expect(Object.keys(files).sort()).toEqual([
      "reconnect-kit/block/block.json",
      "reconnect-kit/block/editor.js",
      "reconnect-kit/defaults.php",
      "reconnect-kit/includes/contrast.php",
      "reconnect-kit/includes/render.php",
      "reconnect-kit/includes/settings.php",
      "reconnect-kit/readme.txt",
      "reconnect-kit/reconnect-kit.php",
    ]);
    const defaults = text(files["reconnect-kit/defaults.php"]);
    expect(defaults).toContain("'address'   => 'https://kit.example/'");
    expect(defaults).toContain("'version'   => '0.1.0-1a2b3c4d'");
    expect(defaults).toContain(`'integrity' => '${WIDGET.integrity}'`);
  });

  test("is the same bytes every time", () => {
    expect(Buffer.from(zip()).equals(Buffer.from(zip()))).toBe(true);
  });

  test("is named with package.json's version, which the plugin header carries, under GPL-2.0-or-later", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(pluginZipPath(version)).toBe(`wordpress/reconnect-kit-${version}.zip`);
    const main = readFileSync(join(SOURCE, "reconnect-kit.php"), "utf8");
    expect(main).toMatch(new RegExp(`^ \\* Version: +${version.replace(/\./g, "\\.")}$`, "m"));
    expect(main).toMatch(/^ \* License: +GPL-2\.0-or-later$/m);
    expect(readFileSync(join(SOURCE, "readme.txt"), "utf8")).toContain(`Stable tag: ${version}`);
  });

  test("block.json asks for the block API WordPress 6.1 knows (2) and names the editor script", () => {
    const block = JSON.parse(readFileSync(join(SOURCE, "block/block.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(block).toMatchObject({
      apiVersion: 2,
      name: "reconnect-kit/template",
      editorScript: "reconnect-kit-editor",
    });
  });

  const php = ["/usr/bin/php"].find((path) => existsSync(path));
  test.runIf(php !== undefined || process.env["RECONNECT_KIT_WORDPRESS"] === "required")(
    "every PHP file parses",
    () => {
      const files = readdirSync(SOURCE, { recursive: true, encoding: "utf8" }).filter((f) =>
        f.endsWith(".php"),
      );
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) execFileSync(php ?? "php", ["-l", join(SOURCE, file)]);
    },
  );
});
