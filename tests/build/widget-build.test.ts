/**
 * The widget bundle as the build writes it: src/build/widget-integration.ts bundles once and
 * writes these exact bytes to dist/widget.js and dist/widget/<version>/widget.js, so checking the
 * bundle here is checking the files (tests/e2e/widget.test.ts checks the built files as served).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { bundleWidget, MANGLED_PROPERTIES, type WidgetBundle } from "../../src/build/widget-integration.ts";
import { FILL_TEXT_EN } from "../../src/lib/ui-text.ts";
import { checkLibrary } from "../../src/build/content-check.ts";
import { indexJson, templateJson } from "../../src/lib/api/json.ts";
import { gzipSize } from "../helpers/budget.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const KB = 1024;
let bundle: WidgetBundle;

beforeAll(async () => {
  bundle = await bundleWidget(ROOT);
});

describe("widget.js", () => {
  // 11 KB, the fill core's target. The widget grew past it (saved details kept safe across tabs,
  // accents for each scheme, links addressed to the person), and came back under with a shorter
  // stylesheet and element code (310 bytes), Terser after Oxc (about 140), the page-only actions
  // out of the core's view (80) and the GSM alphabet as character classes (90).
  test("is at most 11 KB gzipped, styles included", () => {
    expect(gzipSize(bundle.code), `widget.js is ${gzipSize(bundle.code)} bytes gzipped`).toBeLessThanOrEqual(
      11 * KB,
    );
  });

  test("is one ES module that loads no other script or stylesheet", () => {
    expect(bundle.code).not.toMatch(/(?:^|[;}\s])import\s*[\w*{"'(]/);
    expect(bundle.code).not.toMatch(/\.css["']/);
    expect(bundle.code).toContain("adoptedStyleSheets");
  });

  test("ships no template parser and no schema library (templates arrive parsed)", () => {
    expect(bundle.code).not.toContain("has no matching");
    expect(bundle.code).not.toContain("ZodError");
  });

  test("adds no inline style and no innerHTML, so a strict CSP and Trusted Types allow it", () => {
    expect(bundle.code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(bundle.code).not.toMatch(/createElement\(["'`]style["'`]\)|setAttribute\(["'`]style["'`]/);
  });

  test("defines each element only through the per-name guard (define.ts), so loading it twice does nothing", () => {
    expect(bundle.code).not.toMatch(/customElements\.define\(/);
    // The minifier may write the test either way round.
    expect(bundle.code).toMatch(/(?:\.get\(\w+\)===void 0|void 0===\w+\.get\(\w+\))\?\w+\.define\(\w+,\w+\)/);
  });
});

describe("version and integrity", () => {
  test("the version is package.json's plus a hash of the bundle", () => {
    const { version } = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const hash = createHash("sha256").update(bundle.code).digest("hex").slice(0, 8);
    expect(bundle.version).toBe(`${version}-${hash}`);
    expect(bundle.file).toBe(`widget/${bundle.version}/widget.js`);
  });

  test("the integrity is the sha384 of the exact bytes", () => {
    const digest = createHash("sha384").update(Buffer.from(bundle.code, "utf8")).digest("base64");
    expect(bundle.integrity).toBe(`sha384-${digest}`);
  });

  test("bundling is deterministic, so the hash known before pages render is the file's", async () => {
    const again = await bundleWidget(ROOT);
    expect(again.integrity).toBe(bundle.integrity);
  });
});

describe("the shortened property names (MANGLED_PROPERTIES)", () => {
  // The bundle renames these wherever its own code writes or reads them; a JSON key, a {name}
  // in a sentence or a DOM property of the same name would then no longer be found.
  const jsonKeys = (value: unknown, keys = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) for (const item of value) jsonKeys(item, keys);
    else if (typeof value === "object" && value !== null)
      for (const [key, item] of Object.entries(value)) {
        keys.add(key);
        jsonKeys(item, keys);
      }
    return keys;
  };
  // channel.limit.kind is in the JSON for other readers; the widget never reads it.
  const NEVER_READ = new Set(["kind"]);

  test("none is a key of the words the site sends with each template, nor a {placeholder} in them", () => {
    const keys = jsonKeys(FILL_TEXT_EN);
    const placeholders = new Set(
      JSON.stringify(FILL_TEXT_EN)
        .match(/\{(\w+)\}/g)
        ?.map((p) => p.slice(1, -1)),
    );
    for (const name of MANGLED_PROPERTIES) {
      expect(keys.has(name), name).toBe(false);
      expect(placeholders.has(name), name).toBe(false);
    }
  });

  test("none is a key the widget reads in the template JSON or the index, for any template", () => {
    const library = checkLibrary(ROOT);
    const fields = [...library.fields];
    const templates = [...library.templates].map(([slug, data]) => ({
      slug,
      ...data,
      body: data.body.trim(),
    }));
    const tactics = [...library.tactics].map(([slug, data]) => ({ slug, ...data }));
    const site = { name: "Reconnect Kit", url: "https://x.example", base: "/", locale: "en-GB" };
    const keys = jsonKeys([
      indexJson(templates, tactics, fields, site),
      ...templates.map((template) => templateJson(template, fields, site)),
    ]);
    for (const name of MANGLED_PROPERTIES)
      if (!NEVER_READ.has(name)) expect(keys.has(name), name).toBe(false);
  });

  test("the events' detail keeps its public names", () => {
    expect(bundle.code).toMatch(/detail:\{template:[^,]+,part:/);
    expect(bundle.code).toMatch(/detail:\{template:[^,]+,link:/);
  });

  test("none is left in the bundle as a property name", () => {
    for (const name of MANGLED_PROPERTIES)
      expect(bundle.code, name).not.toMatch(new RegExp(`[.{,]${name}[:(=]`));
  });
});
