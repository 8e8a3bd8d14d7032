/**
 * Our template engine (src/lib/template/) against the reference implementation: every message
 * in src/content/templates, subject and body, rendered by both with the same values must give
 * the same text. The spec tests (mustache-spec.test.ts) cover the syntax one case at a time;
 * this covers the real library as it ships, so a divergence an editor could hit shows up here.
 *
 * `mustache` is a devDependency for this test only. Our engine never HTML-escapes text output
 * (pages escape when they put text in the DOM), so mustache renders with escaping turned off.
 */
import Mustache from "mustache";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { checkLibrary } from "../../src/build/content-check.ts";
import { site } from "../../src/config.ts";
import { exampleValues } from "../../src/lib/fields.ts";
import { fillableTemplate } from "../../src/lib/api/fillable.ts";
import { renderText } from "../../src/lib/template/index.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const library = checkLibrary(ROOT);
const examples = exampleValues(library.fields, site.locale);

/** The same setting as our engine's text output: values go in as they are. */
const mustache = (template: string, values: Readonly<Record<string, string>>): string =>
  Mustache.render(template, values, {}, { escape: (value: unknown) => String(value) });

const templates = [...library.templates.entries()].map(([slug, t]) => ({ slug, ...t }));

describe("our engine and mustache render every template the same", () => {
  test("the library is there to compare", () => {
    expect(templates.length).toBeGreaterThan(40);
  });

  const valueSets: [string, (t: (typeof templates)[number]) => Record<string, string>][] = [
    ["with the registry's example values", () => examples],
    [
      "with only the details the message needs (every optional section empty)",
      (t) =>
        Object.fromEntries(
          fillableTemplate(t, library.fields).required.map((id) => [id, examples[id] ?? ""]),
        ),
    ],
    ["with nothing filled in", () => ({})],
    [
      "with values holding markup and tags, which stay literal",
      () =>
        Object.fromEntries(
          Object.entries(examples).map(([id, v]) => [id, `${v} <b>&amp; "x" 'y' {{${id}}}`]),
        ),
    ],
  ];

  describe.each(valueSets)("%s", (_name, valuesFor) => {
    test.each(templates.map((t) => [t.slug, t] as const))("%s", (_slug, template) => {
      const values = valuesFor(template);
      expect(renderText(template.body, values)).toBe(mustache(template.body, values));
      if (template.subject !== undefined) {
        expect(renderText(template.subject, values)).toBe(mustache(template.subject, values));
      }
    });
  });
});
