import { ADDRESS_FIELDS } from "../../src/lib/vocabulary.ts";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { checkLibrary } from "../../src/build/content-check.ts";
import { CHANNELS } from "../../src/lib/channels.ts";
import type { TemplateInfo } from "../../src/lib/library.ts";
import { fillMessage } from "../../src/lib/fill/message.ts";
import { fieldsOf } from "../../src/lib/template/index.ts";
import { fieldsJson, indexJson, plainText, siteJson, templateJson } from "../../src/lib/api/json.ts";
import { asIndexJson, asTemplateJson, problemNotice } from "../../src/lib/api/read.ts";
import { WIDGET_TEXT_EN } from "../../src/lib/embed-text.ts";
import { SCHEMA_VERSION } from "../../src/lib/api/schema.ts";

const library = checkLibrary(resolve(import.meta.dirname, "../.."));
const fields = [...library.fields];
// As src/data/library.ts reads them: slug from the file name, body trimmed.
const templates: TemplateInfo[] = [...library.templates].map(([slug, data]) => ({
  slug,
  ...data,
  body: data.body.trim(),
}));
const tactics = [...library.tactics].map(([slug, data]) => ({ slug, ...data }));
const site = {
  name: "Reconnect Kit",
  url: "https://x.example",
  base: "/careers/reconnect/",
  locale: "en-GB",
};

/** What the endpoints serve: the JSON text, read back. */
function served(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data)) as unknown;
}

describe("site root and addresses under a base path", () => {
  test.each([
    [{ ...site, base: "/" }, "https://x.example/"],
    [site, "https://x.example/careers/reconnect/"],
    [{ ...site, base: "/careers/reconnect" }, "https://x.example/careers/reconnect/"],
  ])("%j", (config, root) => {
    expect(siteJson(config).root).toBe(root);
  });

  test("a template's canonical url and relative paths", () => {
    const json = templateJson(templates[0] ?? ({} as TemplateInfo), fields, site);
    expect(json.url).toBe(`https://x.example/careers/reconnect/templates/${json.slug}/`);
    expect([json.page, json.json, json.text]).toEqual([
      `templates/${json.slug}/`,
      `api/templates/${json.slug}.json`,
      `templates/${json.slug}.txt`,
    ]);
  });
});

describe.each(templates.map((t) => [t.slug, t] as const))("%s", (_slug, template) => {
  const json = asTemplateJson(served(templateJson(template, fields, site)), "test");

  test("has schema version 1, its channel, and the raw Mustache source", () => {
    expect(json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(json.channel).toEqual(CHANNELS[template.channel]);
    expect(json.source.body).toBe(template.body);
    expect(json.source.subject).toBe(template.subject);
  });

  test("lists exactly the fields it uses and its channel's address field, in registry order, with required ones among them", () => {
    const address = ADDRESS_FIELDS[template.channel];
    const used = new Set([
      ...fieldsOf(template.subject ?? ""),
      ...fieldsOf(template.body),
      ...(address === undefined ? [] : [address]),
    ]);
    expect(json.fields.map((f) => f.id)).toEqual(fields.filter((f) => used.has(f.id)).map((f) => f.id));
    for (const id of json.required) expect(used.has(id)).toBe(true);
  });

  test("renders from its parsed nodes, with no parser, to the same text as its .txt file", () => {
    const message = fillMessage(json, {}, json.locale);
    expect(`${message.fullText.trim()}\n`).toBe(plainText(template, fields));
  });
});

describe("the index and the field registry", () => {
  const index = asIndexJson(served(indexJson(templates, tactics, fields, site)), "test");

  test("lists every template once, with the addresses of its files", () => {
    expect(index.templates.map((t) => t.slug).sort()).toEqual(templates.map((t) => t.slug).sort());
    for (const t of index.templates) expect(t.json).toBe(`api/templates/${t.slug}.json`);
  });

  test("lists the tactics in guide order", () => {
    const orders = index.tactics.map((t) => t.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(index.tactics).toHaveLength(9);
  });

  test("fields.json is the whole registry", () => {
    expect(served(fieldsJson(fields))).toEqual({ schemaVersion: 1, fields });
  });
});

test("plain text shows [Label] for details and drops optional sections", () => {
  const text = plainText(
    {
      slug: "x",
      title: "X",
      summary: "",
      channel: "email",
      situation: "reference",
      tactic: "own-the-lapse",
      tone: "warm",
      need: "x",
      subject: "Hello {{theirName}}",
      body: "Hi {{theirName}},{{#targetRole}} the {{targetRole}} role{{/targetRole}}\n{{yourName}}",
    },
    fields,
  );
  expect(text).toBe("Subject: Hello [Their name]\n\nHi [Their name],\n[Your name]\n");
});

describe("what is shown in place of a template", () => {
  test.each([
    ["loading", "x-email", "Loading the template...", "templates/x-email/", "Open it on {site}"],
    ["loading", "", "Loading the templates...", "templates/", "Open it on {site}"],
    ["failed", "x-email", "The template could not load.", "templates/x-email/", "Open it on {site}"],
    ["failed", "", "The templates could not load.", "templates/", "Open it on {site}"],
    [
      "not-found",
      "x-email",
      'There is no template called "x-email".',
      "templates/",
      "See all templates on {site}",
    ],
    ["missing", "", WIDGET_TEXT_EN.noName, "templates/", "See all templates on {site}"],
    ["no-match", "", "No templates match these filters.", "templates/", "See all templates on {site}"],
  ] as const)("%s, slug %j: %j, a link to %s", (problem, slug, text, path, link) => {
    expect(problemNotice(problem, slug)).toEqual([text, path, link]);
  });
});
