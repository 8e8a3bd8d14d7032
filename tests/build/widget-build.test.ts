/**
 * The widget bundle as the build writes it: src/build/widget-integration.ts bundles once and
 * writes these exact bytes to dist/widget.js and dist/widget/<version>/widget.js, so checking the
 * bundle here is checking the files (tests/e2e/widget.test.ts checks the built files as served).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { bundleWidget, type WidgetBundle } from "../../src/build/widget-integration.ts";
import { gzipSize } from "../helpers/budget.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const KB = 1024;
let bundle: WidgetBundle;

beforeAll(async () => {
  bundle = await bundleWidget(ROOT);
});

describe("widget.js", () => {
  // 11.5 KB: 11 KB until the widget kept readers' saved details safe across tabs and set aside
  // what it cannot read, with a notice (about 450 bytes).
  test("is at most 11.5 KB gzipped, styles included", () => {
    expect(gzipSize(bundle.code), `widget.js is ${gzipSize(bundle.code)} bytes gzipped`).toBeLessThanOrEqual(
      11.5 * KB,
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
    expect(bundle.code).toMatch(/\.get\(\w+\)===void 0\?\w+\.define\(\w+,\w+\)/);
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
