import { describe, expect, test } from "vitest";
import { mdxProblems, type MdxPolicy } from "../../src/build/mdx-check.ts";

/** A policy that allows one component, to test what an allowed component may and may not carry. */
const WITH_CALLOUT: MdxPolicy = { components: { Callout: "../../components/Callout.astro" } };

describe("Markdown the pages are written in passes", () => {
  test.each([
    ["headings, lists, emphasis and quotes", "## Why\n\n1. One\n2. **Two**\n\n- _a_\n\n> Quote\n"],
    [
      "links to https, a page of the site, an anchor and an email",
      "[a](https://example.com) [b](/templates/x/) [c](#how) [d](mailto:x@example.com)",
    ],
    ["a link definition to https", "[r][ref]\n\n[ref]: https://example.com\n"],
    ["an MDX comment", "Text\n\n{/* a note for editors */}\n"],
    ["an escaped brace and angle bracket", "Use \\{ and \\< in text, and 3 &lt; 4."],
    ["a thematic break", "a\n\n---\n\nb\n"],
    ["nothing", ""],
  ])("%s", (_name, source) => {
    expect(mdxProblems(source, "mdx")).toEqual([]);
  });
});

describe("each unsafe or unsupported construct is refused with its line, column and fix", () => {
  test.each([
    {
      name: "a raw HTML block",
      source: '## Why\n\n<div class="box">Hi</div>\n',
      line: 3,
      column: 1,
      message: "raw HTML <div>",
      fix: "write it in Markdown",
    },
    {
      name: "raw HTML inside a paragraph",
      source: "Some <b>bold</b> words",
      line: 1,
      column: 6,
      message: "raw HTML <b>",
      fix: "write it in Markdown",
    },
    {
      name: "an event handler on raw HTML",
      source: '\n<img src="x.png" onerror="alert(1)" />\n',
      line: 2,
      column: 1,
      message: "raw HTML <img>",
      fix: "write it in Markdown",
    },
    {
      name: "a script",
      source: "Text\n\n<script>alert(1)</script>\n",
      line: 3,
      column: 1,
      message: "a <script> element",
      fix: "delete it",
    },
    {
      name: "a component that is not allowed",
      source: "<Callout>Hi</Callout>\n",
      line: 1,
      column: 1,
      message: "the component <Callout>",
      fix: "no components are allowed",
    },
    {
      name: "a JSX fragment",
      source: "<>Hi</>\n",
      line: 1,
      column: 1,
      message: "a JSX fragment <>",
      fix: "write it in Markdown",
    },
    {
      name: "an import",
      source: 'import Box from "../../components/Box.astro"\n\nText\n',
      line: 1,
      column: 1,
      message: 'an import or export, import Box from "../../components/Box.astro"',
      fix: "delete the line",
    },
    {
      name: "a JavaScript expression",
      source: "You have {1 + 1} days.",
      line: 1,
      column: 10,
      message: "a {…} expression, {1 + 1}",
      fix: "escape it as \\{",
    },
    {
      name: "a block expression",
      source: "\n{globalThis.process.exit(1)}\n",
      line: 2,
      column: 1,
      message: "a {…} expression, {globalThis.process.exit(1)}",
      fix: "escape it as \\{",
    },
    {
      name: "a javascript: link",
      source: "Read [this](javascript:alert(1)).",
      line: 1,
      column: 6,
      message: 'a link to "javascript:alert(1)"',
      fix: "link to an https:// address or a page of the site",
    },
    {
      name: "a javascript: link in capitals",
      source: "[x](JavaScript:alert(1))",
      line: 1,
      column: 1,
      message: 'a link to "JavaScript:alert(1)"',
      fix: "link to an https:// address",
    },
    {
      name: "a javascript: link spelled with a character reference",
      source: "[x](&#106;avascript:alert(1))",
      line: 1,
      column: 1,
      message: 'a link to "javascript:alert(1)"',
      fix: "link to an https:// address",
    },
    {
      name: "a javascript: link with a tab a browser would drop",
      source: "[x](java&#9;script:alert(1))",
      line: 1,
      column: 1,
      message: 'a link to "java\\tscript:alert(1)"',
      fix: "link to an https:// address",
    },
    {
      name: "a vbscript: link",
      source: "[x](vbscript:msgbox(1))",
      line: 1,
      column: 1,
      message: 'a link to "vbscript:msgbox(1)"',
      fix: "link to an https:// address",
    },
    {
      name: "a data: image",
      source: "![a dot](data:image/svg+xml,<svg/>)",
      line: 1,
      column: 1,
      message: 'an image from "data:image/svg+xml,<svg/>"',
      fix: "put the image in public/",
    },
    {
      name: "a javascript: link definition",
      source: "[x][r]\n\n[r]: javascript:alert(1)\n",
      line: 3,
      column: 1,
      message: 'a link to "javascript:alert(1)"',
      fix: "link to an https:// address",
    },
    {
      name: "MDX that cannot be parsed",
      source: "One\n\nTwo <b\n",
      line: 3,
      column: 5,
      message: "this is not valid MDX",
      fix: "write \\< or \\{ to show them as text",
    },
  ])("$name", ({ source, line, column, message, fix }) => {
    const problems = mdxProblems(source, "mdx");
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, column });
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.fix).toContain(fix);
  });
});

describe("an allowed component may carry text props only, and no unsafe one", () => {
  test.each([
    ["text props and Markdown inside", '<Callout kind="tip">\n  Say **thanks**.\n</Callout>\n'],
    [
      "its import, exactly as allowed",
      'import Callout from "../../components/Callout.astro"\n\n<Callout kind="tip" />\n',
    ],
    ["its import with a semicolon", 'import Callout from "../../components/Callout.astro";\n'],
  ])("passes: %s", (_name, source) => {
    expect(mdxProblems(source, "mdx", WITH_CALLOUT)).toEqual([]);
  });

  test("an export below its allowed import is refused at its own line", () => {
    const source = 'import Callout from "../../components/Callout.astro"\nexport const b = 1\n';
    expect(mdxProblems(source, "mdx", WITH_CALLOUT)).toEqual([
      expect.objectContaining({ line: 2, column: 1, message: "an import or export, export const b = 1" }),
    ]);
  });

  test.each([
    ['<Callout onClick="go()" />', "an event handler, onClick", "delete the attribute"],
    ['<Callout ONMOUSEOVER="go()" />', "an event handler, ONMOUSEOVER", "delete the attribute"],
    ['<Callout href="javascript:go()" />', 'a link to "javascript:go()"', "link to an https:// address"],
    [
      '<Callout href=" data:text/html,<b>x</b>" />',
      'a link to " data:text/html,<b>x</b>"',
      "link to an https://",
    ],
    ["<Callout kind={tip} />", "a {…} value, kind={tip}", 'write the value in quotes, kind="…"'],
    ["<Callout {...props} />", "a {…} value, {...props}", "write each attribute"],
    [
      'import Callout from "./elsewhere.js"\n',
      'an import or export, import Callout from "./elsewhere.js"',
      'import Callout from "../../components/Callout.astro"',
    ],
  ])("%s", (source, message, fix) => {
    const problems = mdxProblems(source, "mdx", WITH_CALLOUT);
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    expect(problems[0]?.line).toBe(1);
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.fix).toContain(fix);
  });
});

describe("plain Markdown (.md) pages", () => {
  test.each([
    ["a raw HTML block", "Text\n\n<div>Hi</div>\n", 3, 1, "raw HTML", "write it in Markdown"],
    ["inline raw HTML", 'Some <b onclick="x()">bold</b>', 1, 6, "raw HTML", "write it in Markdown"],
    [
      "an autolink to javascript:",
      "Go <javascript:alert(1)>",
      1,
      4,
      'a link to "javascript:alert(1)"',
      "https://",
    ],
  ])("refuses %s", (_name, source, line, column, message, fix) => {
    const problems = mdxProblems(source, "md");
    expect(problems[0], JSON.stringify(problems)).toMatchObject({ line, column });
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.fix).toContain(fix);
  });

  test("an HTML comment is only a note, and passes", () => {
    expect(mdxProblems("Text\n\n<!-- a note for editors -->\n", "md")).toEqual([]);
  });

  test("braces and imports are plain text there", () => {
    expect(mdxProblems("import x from 'y'\n\nYou have {1 + 1} days.\n", "md")).toEqual([]);
  });
});
