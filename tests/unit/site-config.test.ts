import { describe, expect, test } from "vitest";
import { parseSiteConfig } from "../../src/schemas/site.ts";
import { site } from "../../src/site.config.ts";

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
