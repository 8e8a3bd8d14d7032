import { describe, expect, test } from "vitest";
import { embedSlug, isResizeMessage, parentOrigin, RESIZE_TYPE } from "../../src/lib/api/frame.ts";
import {
  frameResizeSnippet,
  frameSnippet,
  widgetSnippet,
  type SnippetChoice,
  type SnippetSite,
} from "../../src/lib/api/snippet.ts";

const site: SnippetSite = {
  root: "https://rk.example/careers/",
  pinnedFile: "widget/0.1.0-1a2b3c4d/widget.js",
  integrity: "sha384-abc",
};
const email: SnippetChoice = { kind: "template", template: "thank-you-email", title: 'Say "thanks" & more' };

describe("widgetSnippet", () => {
  test("one template: one script, one element, and a link for when the script cannot run", () => {
    expect(widgetSnippet(site, email)).toBe(
      [
        '<script type="module" src="https://rk.example/careers/widget.js"></script>',
        '<reconnect-template template="thank-you-email">',
        '  <a href="https://rk.example/careers/templates/thank-you-email/">Say &quot;thanks&quot; &amp; more</a>',
        "</reconnect-template>",
      ].join("\n"),
    );
  });

  test("the picker, with a theme and an accent", () => {
    const snippet = widgetSnippet(site, {
      ...email,
      kind: "picker",
      situation: "reference",
      theme: "dark",
      accent: "#b00",
    });
    expect(snippet).toContain('<reconnect-templates situation="reference" theme="dark" accent="#b00">');
    expect(snippet).toContain('<a href="https://rk.example/careers/templates/">Message templates</a>');
    expect(snippet).not.toContain("template=");
  });

  test("auto theme and empty values are left out", () => {
    expect(widgetSnippet(site, { ...email, theme: "auto", accent: "" })).toContain(
      '<reconnect-template template="thank-you-email">',
    );
  });

  test("pinned: the versioned file with its integrity hash", () => {
    expect(widgetSnippet(site, { ...email, pinned: true }).split("\n")[0]).toBe(
      '<script type="module" src="https://rk.example/careers/widget/0.1.0-1a2b3c4d/widget.js" integrity="sha384-abc" crossorigin="anonymous"></script>',
    );
  });

  test("attribute values are escaped", () => {
    expect(widgetSnippet(site, { ...email, accent: '"><script>' })).toContain(
      'accent="&quot;&gt;&lt;script&gt;"',
    );
  });
});

describe("frameSnippet", () => {
  test("an iframe with clipboard access, a title, and the host's origin for resizing", () => {
    expect(frameSnippet(site, { ...email, theme: "dark" }, "https://blog.example")).toBe(
      '<iframe data-reconnect-kit src="https://rk.example/careers/embed/frame/?template=thank-you-email&amp;origin=https%3A%2F%2Fblog.example&amp;theme=dark" title="Fill in: Say &quot;thanks&quot; &amp; more" allow="clipboard-write" loading="lazy" height="800"></iframe>',
    );
  });
});

describe("the resize message", () => {
  test.each([
    [{ type: RESIZE_TYPE, height: 812 }, true],
    [{ type: RESIZE_TYPE, height: 0 }, false],
    [{ type: RESIZE_TYPE, height: 20_000 }, false],
    [{ type: RESIZE_TYPE, height: "812" }, false],
    [{ type: "other", height: 812 }, false],
    [null, false],
    ["reconnect-kit:resize", false],
  ])("%j is valid: %s", (data, valid) => {
    expect(isResizeMessage(data)).toBe(valid);
  });

  test.each([
    ["?origin=https://blog.example", undefined, "", "https://blog.example"],
    ["?origin=https://blog.example/path?q", undefined, "", "https://blog.example"],
    ["?origin=javascript:alert(1)", undefined, "https://ref.example/p", "https://ref.example"],
    ["", "https://parent.example", "https://ref.example/p", "https://parent.example"],
    ["", undefined, "https://ref.example/post/1", "https://ref.example"],
    ["", undefined, "", undefined],
    ["?origin=*", undefined, "", undefined],
  ])("search %j, ancestor %j, referrer %j -> %j", (search, ancestor, referrer, origin) => {
    expect(parentOrigin(search, ancestor, referrer)).toBe(origin);
  });

  test("the host's script checks the origin, the message and the sending iframe", () => {
    const script = frameResizeSnippet("https://rk.example");
    expect(script).toContain('var SITE = "https://rk.example";');
    expect(script).toContain("e.origin !== SITE");
    expect(script).toContain(`d.type !== "${RESIZE_TYPE}"`);
    expect(script).toContain("f.contentWindow === e.source");
    expect(script).not.toContain("innerHTML");
  });
});

describe("accents in snippets", () => {
  const both = { ...email, accent: "#7a1f5c", accentDark: "#f0a8d8" };
  test("the widget takes accent and accent-dark", () => {
    expect(widgetSnippet(site, both)).toContain(
      '<reconnect-template template="thank-you-email" accent="#7a1f5c" accent-dark="#f0a8d8">',
    );
  });
  test("the iframe takes them as parameters", () => {
    expect(frameSnippet(site, both)).toContain(
      'src="https://rk.example/careers/embed/frame/?template=thank-you-email&amp;accent=%237a1f5c&amp;accent-dark=%23f0a8d8"',
    );
  });
});

describe("which template the iframe embed shows", () => {
  test.each([
    // The address the snippet maker and oEmbed write.
    ["/embed/frame/", "?template=thank-you-email", "/", "thank-you-email"],
    ["/careers/embed/frame/", "?template=thank-you-email&theme=dark", "/careers/", "thank-you-email"],
    // The old per-template address, which hosts rewrite to the one page.
    ["/embed/thank-you-email/", "?origin=https%3A%2F%2Fblog.example", "/", "thank-you-email"],
    ["/careers/embed/thank-you-email/", "", "/careers/", "thank-you-email"],
    ["/embed/thank-you-email", "", "/", "thank-you-email"],
    // The query wins over the path; a template called "frame" is reached by the query.
    ["/embed/other/", "?template=thank-you-email", "/", "thank-you-email"],
    ["/embed/frame/", "?template=frame", "/", "frame"],
    // Nothing named, or nothing a slug could be.
    ["/embed/frame/", "", "/", undefined],
    ["/embed/frame/", "?template=", "/", undefined],
    ["/embed/frame/", "?template=../api/fields", "/", undefined],
    ["/embed/frame/", "?template=Thank-You", "/", undefined],
    ["/embed/a/b/", "", "/", undefined],
    ["/other/embed/thank-you-email/", "", "/careers/", undefined],
  ])("%s%s under %s -> %j", (pathname, search, base, slug) => {
    expect(embedSlug(pathname, search, base)).toBe(slug);
  });
});
