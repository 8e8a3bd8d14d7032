import { describe, expect, test } from "vitest";
import { embedLook, wordPressSecret } from "../../src/lib/api/frame-options.ts";
import { oembedJson } from "../../src/lib/api/oembed.ts";

const SITE = { name: "Reconnect Kit", root: "https://kit.example/careers/" };

describe("oEmbed JSON", () => {
  const json = oembedJson({ slug: "thank-you-text", title: 'Thank "them" & <smile>' }, SITE);

  test("is a rich answer of version 1.0 with the required width and height (oembed.com §2.3.4)", () => {
    expect(json).toMatchObject({
      version: "1.0",
      type: "rich",
      title: 'Thank "them" & <smile>',
      provider_name: "Reconnect Kit",
      provider_url: "https://kit.example/careers/",
      width: 600,
      height: 800,
    });
  });

  test("its HTML is what WordPress keeps from an untrusted provider: a blockquote link, then one iframe", () => {
    expect(json.html).toBe(
      '<blockquote><a href="https://kit.example/careers/templates/thank-you-text/">Thank &quot;them&quot; &amp; &lt;smile&gt;</a></blockquote>' +
        '<iframe src="https://kit.example/careers/embed/frame/?template=thank-you-text" width="600" height="800" title="Fill in: Thank &quot;them&quot; &amp; &lt;smile&gt;" frameborder="0"></iframe>',
    );
  });
});

describe("WordPress's embed secret", () => {
  test.each([
    ["#?secret=AbC123xyz0", "AbC123xyz0"],
    ["#?secret=", undefined],
    ["#?secret=a-b", undefined],
    ["#top", undefined],
    ["", undefined],
  ])("%j -> %j", (hash, secret) => {
    expect(wordPressSecret(hash)).toBe(secret);
  });
});

describe("the iframe's brand options", () => {
  test("theme and both accents, checked", () => {
    expect(embedLook("?theme=dark&accent=%237a1f5c&accent-dark=%23f0a8d8")).toEqual({
      theme: "dark",
      properties: [
        ["--brand-accent", "#7a1f5c"],
        ["--brand-accent-dark", "#f0a8d8"],
      ],
      problems: [],
    });
  });

  test("an unreadable accent is refused and named, an unknown theme ignored", () => {
    const look = embedLook("?theme=sepia&accent=%23cccccc&accent-dark=%237a1f5c");
    expect(look.theme).toBeUndefined();
    expect(look.properties).toEqual([]);
    expect(look.problems).toEqual([
      "accent=#cccccc is not used: it must be a hex colour with WCAG AA contrast (4.5:1) on the light background.",
      "accent-dark=#7a1f5c is not used: it must be a hex colour with WCAG AA contrast (4.5:1) on the dark background.",
    ]);
  });

  test("nothing given, nothing set", () => {
    expect(embedLook("")).toEqual({ properties: [], problems: [] });
  });
});
