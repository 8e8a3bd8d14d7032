import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { renderMustache } from "../../src/lib/template/index.ts";

interface SpecCase {
  name: string;
  desc: string;
  data: unknown;
  template: string;
  expected: string;
  partials?: Record<string, string>;
}

const SPEC_FILES = ["interpolation", "sections", "inverted", "comments", "delimiters"] as const;

describe.each(SPEC_FILES)("Mustache spec: %s", (file) => {
  const url = new URL(`../fixtures/mustache-spec/${file}.json`, import.meta.url);
  const { tests } = JSON.parse(readFileSync(url, "utf8")) as { tests: SpecCase[] };

  test.each(tests)("$name", ({ data, template, expected, partials }) => {
    expect(renderMustache(template, data, { escape: true, partials: partials ?? {} })).toBe(expected);
  });
});
