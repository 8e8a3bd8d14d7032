/**
 * The CMS's configuration against what the build accepts: every collection offers exactly its
 * schema's keys, asks for the ones the schema requires, offers exactly the schema's choices and
 * the tactics there are, and names every registry field in the message's hint. The config
 * written into dist/admin/ is made by the same function (src/build/cms-integration.ts).
 */
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { bodyHint, cmsConfig, CMS_SCHEMAS, type CmsField } from "../../src/build/cms-config.ts";
import { checkLibrary } from "../../src/build/content-check.ts";
import { channelSchema } from "../../src/schemas/common.ts";
import { CHANNEL_IDS, SITUATIONS, TONES } from "../../src/lib/vocabulary.ts";
import { FIELD_TYPES } from "../../src/lib/fields.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const library = checkLibrary(ROOT);
const tactics = [...library.tactics].map(([slug, data]) => ({
  slug,
  title: data.title,
  situation: data.situation,
}));
const config = cmsConfig({
  fields: library.fields,
  tactics,
  siteUrl: "https://example.com",
  backend: { repo: "owner/site", branch: "main" },
});

interface Collection {
  readonly name: string;
  readonly fields?: readonly CmsField[];
  readonly files?: readonly { readonly fields: readonly CmsField[] }[];
}
const collections = config["collections"] as readonly Collection[];

function fieldsOf(name: string): readonly CmsField[] {
  const collection = collections.find((c) => c.name === name);
  if (collection?.fields !== undefined) return collection.fields.filter((f) => f.name !== "body");
  // The registry is one file holding a list of fields.
  const list = collection?.files?.[0]?.fields.find((f) => f.name === "fields");
  return list?.fields ?? [];
}

const values = (field: CmsField | undefined): string[] =>
  (field?.options ?? []).map((option) => (typeof option === "string" ? option : option.value));

const byName = (name: string, key: string) => fieldsOf(name).find((f) => f.name === key);

describe.each([
  ["templates", CMS_SCHEMAS["templates"]],
  ["tactics", CMS_SCHEMAS["tactics"]],
  ["guides", CMS_SCHEMAS["guides"]],
  ["registry", CMS_SCHEMAS["fields"]],
])("the %s collection", (name, schema) => {
  const shape = schema?.shape ?? {};

  test("offers exactly the schema's keys, in its order", () => {
    expect(fieldsOf(name).map((f) => f.name)).toEqual(Object.keys(shape));
  });

  test("requires exactly the keys the schema requires", () => {
    const required = Object.entries(shape)
      .filter(
        ([, value]) =>
          !(value as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success,
      )
      .map(([key]) => key);
    expect(
      fieldsOf(name)
        .filter((f) => f.required === true)
        .map((f) => f.name),
    ).toEqual(required);
  });
});

describe("the choices are the build's", () => {
  test.each([
    ["templates", "situation", SITUATIONS],
    ["templates", "channel", CHANNEL_IDS],
    ["templates", "tone", TONES],
    ["tactics", "situation", SITUATIONS],
    ["tactics", "channels", CHANNEL_IDS],
    ["guides", "situation", SITUATIONS],
    ["registry", "type", FIELD_TYPES],
  ])("%s: %s", (collection, key, expected) => {
    expect(values(byName(collection, key))).toEqual([...expected]);
  });

  test("a template's tactic is one of the tactic files, and nothing else", () => {
    expect(values(byName("templates", "tactic")).sort()).toEqual([...library.tactics.keys()].sort());
    expect(byName("templates", "tactic")?.widget).toBe("select");
  });

  test("a tactic's channels are a list of channels, at least one", () => {
    expect(byName("tactics", "channels")).toMatchObject({ widget: "select", multiple: true, min: 1 });
  });

  test("numbers carry the schema's bounds", () => {
    expect(byName("tactics", "order")).toMatchObject({ widget: "number", value_type: "int", min: 1, max: 9 });
  });

  test("every value the CMS offers is one the schema accepts", () => {
    for (const option of values(byName("templates", "channel"))) {
      expect(channelSchema.safeParse(option).success).toBe(true);
    }
  });
});

test("the message's hint names every field of the registry", () => {
  const body = collections.find((c) => c.name === "templates")?.fields?.find((f) => f.name === "body");
  expect(body?.hint).toBe(bodyHint(library.fields));
  for (const field of library.fields) expect(body?.hint).toContain(`{{${field.id}}}`);
});

test("the production backend is GitHub; decap-server is tried only on this machine", () => {
  expect(config["backend"]).toEqual({ name: "github", repo: "owner/site", branch: "main" });
  expect(config["local_backend"]).toBe(true);
  const local = cmsConfig({
    fields: [],
    tactics: [],
    siteUrl: "https://example.com",
    backend: { repo: "o/s", branch: "main", localBackendUrl: "http://127.0.0.1:9999/api/v1" },
  });
  expect(local["local_backend"]).toEqual({ url: "http://127.0.0.1:9999/api/v1" });
});
