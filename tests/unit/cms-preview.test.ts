/**
 * What the CMS preview draws (src/cms/preview-model.ts) and how the field registry goes in and
 * out of the CMS (src/cms/field-registry-format.ts), without a browser: the preview's problems
 * must be the build's, word for word.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { checkLibrary } from "../../src/build/content-check.ts";
import { librarySnapshot } from "../../src/build/cms-integration.ts";
import { registryFromFile, registryToFile } from "../../src/cms/field-registry-format.ts";
import { templateFileText, templatePreview, withoutEmpty } from "../../src/cms/preview-model.ts";
import { previewRules } from "../../src/cms/rules.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const library = librarySnapshot(ROOT);
const rules = previewRules("en-US");

const TEXT = {
  title: "Say hello again by text",
  summary: "A short hello.",
  tactic: "keep-them-posted",
  situation: "reference",
  channel: "text",
  tone: "brief",
  need: "say-hello-again",
  subject: "",
  searchPhrases: [],
  body: "Hi {{theirName}}, it has been too long! - {{yourName}}",
};
const PATH = "src/content/templates/say-hello-again-by-text.md";

describe("the template preview", () => {
  test("fills the message with the registry's example values and marks what was filled", () => {
    const preview = templatePreview({ path: PATH, data: TEXT }, library, rules);
    expect(preview.body?.map((s) => s.text).join("")).toBe("Hi Daniel, it has been too long! - Maya Patel");
    expect(preview.body?.filter((s) => s.kind === "filled").map((s) => s.text)).toEqual([
      "Daniel",
      "Maya Patel",
    ]);
    expect(preview.problems).toEqual([]);
    expect(preview.elsewhere).toEqual([]);
  });

  test("shows the channel's meter line, as the template page does", () => {
    const preview = templatePreview({ path: PATH, data: TEXT }, library, rules);
    expect(preview.meter).toEqual({
      text: expect.stringMatching(/^Fits: 1 SMS segment \(GSM-7, 45 characters\)/) as string,
      over: false,
    });
  });

  test.each([
    [
      "a field id typed wrong",
      { body: "Hi {{theirNmae}}, it has been too long!" },
      "the message uses {{theirNmae}}, which is not in the field registry",
    ],
    [
      "a curly apostrophe",
      { body: "Hi {{theirName}}, it\u2019s been too long!" },
      "the text has a curly apostrophe (\u2019, U+2019) at column 21",
    ],
    [
      "a situation its tactic is not for",
      { situation: "casual" },
      '`situation` is "casual", but its tactic "keep-them-posted" is for "reference"',
    ],
    [
      "a title another template has",
      { title: "Thank a reference by text" },
      'the title "Thank a reference by text" is also the title of src/content/templates/thank-you-text.md',
    ],
    ["a missing need", { need: "" }, "`need` is missing"],
  ])("lists the build's own problem for %s", (_name, change, message) => {
    const preview = templatePreview({ path: PATH, data: { ...TEXT, ...change } }, library, rules);
    expect(preview.problems.map((p) => p.message)).toContainEqual(expect.stringContaining(message));
    // The file as the CMS saves it, checked by `npm run check:content`: the same problems.
    const root = mkdtempSync(join(tmpdir(), "rk-preview-"));
    cpSync(resolve(ROOT, "src/content"), join(root, "src/content"), { recursive: true });
    writeFileSync(join(root, PATH), templateFileText({ ...TEXT, ...change }));
    const built = checkLibrary(root).problems.filter((p) => p.file === PATH);
    expect(preview.problems).toEqual(built);
    rmSync(root, { recursive: true, force: true });
  });

  test("says when saving it needs a change in another file: a channel its tactic does not list", () => {
    const preview = templatePreview(
      { path: PATH, data: { ...TEXT, tactic: "own-the-lapse" } },
      library,
      rules,
    );
    expect(preview.problems).toEqual([]);
    expect(preview.elsewhere.map((p) => `${p.file}: ${p.message}`)).toEqual([
      "src/content/tactics/own-the-lapse.mdx: its templates also use text",
    ]);
  });

  test("an edited template is checked in place of its saved version, not as its own duplicate", () => {
    const saved = library.templates.find((file) => file.path === "src/content/templates/thank-you-text.md");
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(saved?.text ?? "")?.[1] ?? "") as Record<string, unknown>;
    const preview = templatePreview(
      {
        path: "src/content/templates/thank-you-text.md",
        data: { ...data, body: "Hi {{theirName}}, thanks! - {{yourName}}" },
      },
      library,
      rules,
    );
    expect(preview.problems).toEqual([]);
  });

  test("lines are those of the file as the CMS saves it", () => {
    const data = { ...TEXT, body: "Hi {{theirName}},\nsee you {{soonest}}." };
    const preview = templatePreview({ path: PATH, data }, library, rules);
    const line =
      templateFileText(data)
        .split("\n")
        .findIndex((l) => l.includes("{{soonest}}")) + 1;
    expect(preview.problems.map((p) => p.line)).toEqual([line]);
  });

  test("empty optional values are left out of the file, as the CMS saves it", () => {
    expect(withoutEmpty(TEXT)).not.toHaveProperty("subject");
    expect(withoutEmpty(TEXT)).not.toHaveProperty("searchPhrases");
    expect(templateFileText(TEXT)).not.toContain("subject:");
  });
});

describe("the field registry in the CMS", () => {
  const text = readFileSync(resolve(ROOT, "src/content/fields.yaml"), "utf8");

  test("goes in and out with its notes and every field unchanged", () => {
    const document = registryFromFile(text);
    expect(document.header).toMatch(/^# The field registry/);
    expect(Object.keys(document.notes).length).toBeGreaterThan(0);
    const written = registryToFile(document);
    // Every note line is written back, in the same order, and before the same field.
    const comments = (t: string) => t.split("\n").filter((line) => line.startsWith("#"));
    expect(comments(written)).toEqual(comments(text));
    for (const [id, note] of Object.entries(document.notes))
      expect(written).toContain(`${note}\n\n- id: ${id}\n`);
    expect(written.startsWith(`${document.header}\n\n- id: yourName`)).toBe(true);
    expect(parse(written, { schema: "yaml-1.1" })).toEqual(parse(text, { schema: "yaml-1.1" }));
  });

  test("a date example stays quoted, so the build reads it as text", () => {
    const written = registryToFile({
      header: "",
      fields: [{ id: "neededBy", example: "2026-12-11", type: "date" }],
    });
    expect(written).toContain('example: "2026-12-11"');
  });
});
