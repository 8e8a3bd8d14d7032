import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { resolveSite } from "../../src/config.ts";
import { parseSiteConfig } from "../../src/schemas/site.ts";
import { site } from "../../src/site.config.ts";

const ROOT = resolve(import.meta.dirname, "../..");

describe("src/site.config.ts", () => {
  test("the shipped config is valid", () => {
    expect(parseSiteConfig(site)).toEqual(site);
  });

  test.each([
    [
      "an accent too light for the light theme",
      { colors: { ...site.colors, accent: "#8cc4ff" } },
      /colors\.accent: #8cc4ff on the light background #ffffff has a contrast of 1\.\d\d:1; WCAG AA needs 4\.5:1 for text\. Pick a darker shade/,
    ],
    [
      "an accent too dark for the dark theme",
      { colors: { ...site.colors, accentDark: "#0b5cad" } },
      /colors\.accentDark: .* Pick a lighter shade/,
    ],
    [
      "a colour that is not hex",
      { colors: { ...site.colors, accent: "blue" } },
      /colors\.accent: use a hex colour/,
    ],
    ["a base path without slashes", { base: "careers" }, /base: start and end with "\/"/],
    ["a URL with a trailing slash", { url: "https://example.com/" }, /url: leave off the trailing slash/],
    [
      "a CTA without a URL",
      { callToAction: { ...site.callToAction, url: "contact" } },
      /callToAction\.url: use a full address/,
    ],
    ["a logo outside public/", { logo: "logo.svg" }, /logo: a file in public\//],
  ])("%s is refused with the key and the fix", (_name, change, message) => {
    expect(() => parseSiteConfig({ ...site, ...change })).toThrow(message);
  });

  test("several problems are listed together", () => {
    expect(() => parseSiteConfig({ ...site, base: "x", locale: "English" })).toThrow(
      /has 2 problems:\n {2}base: .*\n {2}locale: /,
    );
  });
});

describe("src/config.ts, the config everything reads", () => {
  test("SITE_BASE replaces the base; unset or empty keeps the config's", () => {
    expect(resolveSite(site, { SITE_BASE: "/careers/reconnect/" }).base).toBe("/careers/reconnect/");
    expect(resolveSite(site, { SITE_BASE: "careers/reconnect" }).base).toBe("/careers/reconnect/");
    expect(resolveSite(site, { SITE_BASE: "/" }).base).toBe("/");
    expect(resolveSite({ ...site, base: "/kit/" }, {}).base).toBe("/kit/");
    expect(resolveSite({ ...site, base: "/kit/" }, { SITE_BASE: "" }).base).toBe("/kit/");
  });

  test("a bad SITE_BASE is refused with the schema's fix and where it came from", () => {
    expect(() => resolveSite(site, { SITE_BASE: "/Careers Page/" })).toThrow(
      /base: start and end with "\/"[\s\S]*from SITE_BASE=\/Careers Page\//,
    );
  });

  test("a bad config fails there, before anything renders", () => {
    expect(() => resolveSite({ ...site, url: "https://example.com/" }, {})).toThrow(/url: leave off/);
  });

  test("nothing but src/config.ts imports the raw src/site.config.ts", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    const files = [...walk(join(ROOT, "src")), ...walk(join(ROOT, "scripts")), join(ROOT, "astro.config.ts")]
      .filter((file) => /\.(ts|tsx|astro|js|mjs)$/.test(file))
      .map((file) => relative(ROOT, file).replace(/\\/g, "/"));
    // Pages, layouts and components are what the rule is for; make sure the walk saw them.
    for (const folder of ["src/pages/", "src/layouts/", "src/components/"]) {
      expect(
        files.some((file) => file.startsWith(folder)),
        folder,
      ).toBe(true);
    }
    const rawImport = /(?:from\s*|import\s*\(\s*|import\s+)["'][^"']*site\.config(?:\.ts)?["']/;
    const offenders = files.filter(
      (file) => file !== "src/config.ts" && rawImport.test(readFileSync(join(ROOT, file), "utf8")),
    );
    expect(offenders, "import { site } from src/config.ts instead").toEqual([]);
  });
});
