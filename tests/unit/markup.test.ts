/**
 * Markup as data (src/lib/markup.ts): what the template page's face writes as HTML at build time.
 * Readers' details become text in it, never tags or attributes of their own.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { el, toHtml, type Markup } from "../../src/lib/markup.ts";

describe("toHtml", () => {
  test.each<[string, Markup, string]>([
    ["text is escaped", "a < b & c > d", "a &lt; b &amp; c &gt; d"],
    [
      "nothing is written for false, null and undefined",
      el("p", {}, false, null, undefined, "x"),
      "<p>x</p>",
    ],
    ["true writes a bare attribute", el("fieldset", { disabled: true }), "<fieldset disabled></fieldset>"],
    ["false and undefined leave an attribute out", el("p", { hidden: false, id: undefined }), "<p></p>"],
    ["numbers are written as text", el("textarea", { rows: 4 }, "hi"), '<textarea rows="4">hi</textarea>'],
    [
      "quotes in attributes are escaped",
      el("a", { title: 'say "hi" & <go>' }),
      '<a title="say &quot;hi&quot; &amp; &lt;go&gt;"></a>',
    ],
    ["void elements have no end tag", el("input", { value: "x" }), '<input value="x">'],
    [
      "children nest in order",
      el("div", { class: "a" }, el("span", {}, "1"), " ", el("b", {}, "2")),
      '<div class="a"><span>1</span> <b>2</b></div>',
    ],
  ])("%s", (_name, markup, html) => {
    expect(toHtml(markup)).toBe(html);
  });

  const unescape = (html: string) =>
    html.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

  test("any text, as content or as an attribute, reads back exactly and opens no tag", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const html = toHtml(el("p", { title: text }, text));
        const match = /^<p title="([^"<>]*)">([^<>]*)<\/p>$/.exec(html);
        expect(match, html).not.toBeNull();
        expect(unescape(match?.[1] ?? "")).toBe(text);
        expect(unescape(match?.[2] ?? "")).toBe(text);
      }),
    );
  });
});
