import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { renderMustache, TemplateSyntaxError } from "../../src/lib/template/index.ts";

interface SpecCase {
  name: string;
  desc: string;
  data: unknown;
  template: string;
  expected: string;
}

const SPEC_FILES = ["interpolation", "sections", "inverted", "comments", "delimiters"] as const;

/**
 * Spec cases for features our engine refuses on purpose (src/lib/template/parse.ts): each must
 * fail to parse, with the error an editor would see, instead of rendering.
 */
const REFUSED: ReadonlyMap<string, string> = new Map([
  // A delimiter change makes every later {{field}} go out as typed; a partial has nothing to
  // include, since each message is one file.
  ...[
    "Pair Behavior",
    "Special Characters",
    "Sections",
    "Inverted Sections",
    "Surrounding Whitespace",
    "Outlying Whitespace (Inline)",
    "Standalone Tag",
    "Indented Standalone Tag",
    "Standalone Line Endings",
    "Standalone Without Previous Line",
    "Standalone Without Newline",
    "Pair with Padding",
  ].map(
    (name) => [`delimiters: ${name}`, "delimiter changes are refused: keep the {{ }} delimiters"] as const,
  ),
  ...["Partial Inheritence", "Post-Partial Behavior"].map(
    (name) => [`delimiters: ${name}`, "partials are refused: paste the text in"] as const,
  ),
  // The values are a record of fields, never one string, so {{.}} outside a section would print
  // "[object Object]". Inside a section it is the section's value, and those cases still run.
  ...[
    "Implicit Iterators - Basic Interpolation",
    "Implicit Iterators - HTML Escaping",
    "Implicit Iterators - Triple Mustache",
    "Implicit Iterators - Ampersand",
    "Implicit Iterators - Basic Integer Interpolation",
  ].map((name) => [`interpolation: ${name}`, "{{.}} outside a section is refused: name the field"] as const),
  ["sections: Implicit Iterator - Root-level", "{{#.}} outside a section is refused: name the field"],
]);

const cases = SPEC_FILES.flatMap((file) => {
  const url = new URL(`../fixtures/mustache-spec/${file}.json`, import.meta.url);
  const { tests } = JSON.parse(readFileSync(url, "utf8")) as { tests: SpecCase[] };
  return tests.map((spec) => ({ ...spec, id: `${file}: ${spec.name}`, file }));
});

// delimiters.json has no case left to run: each one changes delimiters or uses a partial.
const RENDERED = SPEC_FILES.filter((file) =>
  cases.some((spec) => spec.file === file && !REFUSED.has(spec.id)),
);

describe.each(RENDERED)("Mustache spec: %s", (file) => {
  const run = cases.filter((spec) => spec.file === file && !REFUSED.has(spec.id));
  test.each(run)("$name", ({ data, template, expected }) => {
    expect(renderMustache(template, data, { escape: true })).toBe(expected);
  });
});

describe("spec cases for features the engine refuses", () => {
  test("every refused case is in the spec files", () => {
    const ids = new Set(cases.map((spec) => spec.id));
    expect([...REFUSED.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  const refused = cases.filter((spec) => REFUSED.has(spec.id));
  test.each(refused.map((spec) => [spec.id, REFUSED.get(spec.id), spec.template, spec.data] as const))(
    "%s: %s",
    (_id, _reason, template, data) => {
      expect(() => renderMustache(template, data, { escape: true })).toThrow(TemplateSyntaxError);
    },
  );
});
