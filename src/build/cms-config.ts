/**
 * The CMS's configuration (Decap CMS, config.yml), made from what the build accepts: each
 * collection's fields are read off its Zod schema (keys, required or not, choices, lengths,
 * patterns), the tactic select lists the tactic files there are, and the message's hint lists the
 * field registry's ids. So the editor can never offer a key, a choice or a field the build would
 * refuse; tests/unit/cms-config.test.ts compares the two. The labels and hints are the only words
 * written here: they say in an editor's words what the schemas' JSDoc says to developers.
 *
 * Decap's config reference: https://decapcms.org/docs/configuration-options/ and
 * https://decapcms.org/docs/widgets/. Node only (it reads the schemas).
 */
import type { z } from "astro/zod";
import type { FieldDefinition } from "../lib/fields.ts";
import { FIELD_REGISTRY_FORMAT } from "../cms/field-registry-format.ts";
import { CHANNEL_NAMES, SITUATION_LABELS, TONE_LABELS } from "../lib/vocabulary.ts";
import { fieldSchema } from "../schemas/field.ts";
import { guideSchema } from "../schemas/guide.ts";
import { tacticSchema } from "../schemas/tactic.ts";
import { templateSchema } from "../schemas/template.ts";

/** One field of a Decap collection, as config.yml writes it. */
export interface CmsField {
  readonly name: string;
  readonly label: string;
  readonly widget: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly options?: readonly (string | { readonly label: string; readonly value: string })[];
  readonly multiple?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly value_type?: "int" | "float";
  readonly pattern?: readonly [string, string];
  readonly field?: CmsField;
  readonly fields?: readonly CmsField[];
  readonly summary?: string;
  readonly collapsed?: boolean;
}

/** What the editor says about a key: its label and, where it helps, a hint. */
type Words = Readonly<Record<string, { label: string; hint?: string; widget?: string }>>;

/** Choices with the words the site shows for them ("Text message"), keeping the id as the value. */
type Labels = Readonly<Record<string, string>>;

interface SchemaDef {
  readonly type: string;
  readonly innerType?: ZodLike;
  readonly element?: ZodLike;
  readonly entries?: Readonly<Record<string, string>>;
  readonly checks?: readonly { readonly _zod: { readonly def: Record<string, unknown> } }[];
}

/** The parts of a Zod 4 schema this reads (its `def` is the public definition). */
interface ZodLike {
  readonly def: SchemaDef;
}

const unwrap = (schema: ZodLike): { inner: ZodLike; optional: boolean } =>
  schema.def.type === "optional" && schema.def.innerType !== undefined
    ? { inner: schema.def.innerType, optional: true }
    : { inner: schema, optional: false };

function checksOf(schema: ZodLike): Record<string, unknown>[] {
  return (schema.def.checks ?? []).map((check) => check._zod.def);
}

function limit(schema: ZodLike, kind: "min" | "max"): number | undefined {
  const wanted = kind === "min" ? ["min_length", "greater_than"] : ["max_length", "less_than"];
  const found = checksOf(schema).find((def) => wanted.includes(String(def["check"])));
  const value = found?.[kind === "min" ? "minimum" : "maximum"] ?? found?.["value"];
  return typeof value === "number" ? value : undefined;
}

/**
 * A string's pattern with its message, for Decap's `pattern` (which it builds with new RegExp
 * and no flags, so a pattern that needs flags, such as Unicode classes, is left to the check).
 */
function pattern(schema: ZodLike): readonly [string, string] | undefined {
  const found = checksOf(schema).find((def) => def["format"] === "regex" && def["pattern"] instanceof RegExp);
  const regex = found?.["pattern"] as RegExp | undefined;
  if (found === undefined || regex === undefined || regex.flags !== "") return undefined;
  const error = found["error"];
  const said: unknown = typeof error === "function" ? (error as () => unknown)() : undefined;
  const message = typeof said === "string" ? said : "";
  return [regex.source, message];
}

type Options = NonNullable<CmsField["options"]>;

function choices(schema: ZodLike, labels: Labels | undefined): Options {
  const values = Object.values(schema.def.entries ?? {});
  return values.map((value) => {
    const label = labels?.[value];
    return label === undefined ? value : { label, value };
  });
}

/** One Decap field for one key of a Zod object, from the key's schema. */
export function cmsField(
  name: string,
  schema: ZodLike,
  words: { label: string; hint?: string; widget?: string },
  labels?: Labels,
): CmsField {
  const { inner, optional } = unwrap(schema);
  const base = { name, label: words.label, required: !optional, ...(words.hint ? { hint: words.hint } : {}) };
  switch (inner.def.type) {
    case "enum":
      return { ...base, widget: "select", options: choices(inner, labels) };
    case "number": {
      const min = limit(inner, "min");
      const max = limit(inner, "max");
      const whole = checksOf(inner).some(
        (def) => def["format"] === "safeint" || def["check"] === "number_format",
      );
      return {
        ...base,
        widget: "number",
        value_type: whole ? "int" : "float",
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      };
    }
    case "array": {
      const element = inner.def.element;
      if (element === undefined) return { ...base, widget: "list" };
      const item = unwrap(element).inner;
      const min = limit(inner, "min");
      const max = limit(inner, "max");
      const sizes = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
      if (item.def.type === "enum")
        return { ...base, widget: "select", multiple: true, options: choices(item, labels), ...sizes };
      return { ...base, widget: "list", ...sizes, field: cmsField(name, item, { label: words.label }) };
    }
    default: {
      const found = pattern(inner);
      const max = limit(inner, "max");
      return {
        ...base,
        widget: words.widget ?? (max !== undefined && max > 120 ? "text" : "string"),
        ...(found === undefined ? {} : { pattern: found }),
      };
    }
  }
}

function fieldsOf(
  schema: { readonly shape: Readonly<Record<string, unknown>> },
  words: Words,
  labels: Readonly<Record<string, Labels>> = {},
): CmsField[] {
  return Object.entries(schema.shape).map(([name, value]) =>
    cmsField(name, value as ZodLike, words[name] ?? { label: name }, labels[name]),
  );
}

const labelsOf = <K extends string>(table: Readonly<Record<K, string | { label: string }>>): Labels =>
  Object.fromEntries(
    Object.entries(table).map(([id, value]) => [
      id,
      typeof value === "string" ? value : (value as { label: string }).label,
    ]),
  );

const VOCABULARY: Readonly<Record<string, Labels>> = {
  situation: labelsOf(SITUATION_LABELS),
  channel: labelsOf(CHANNEL_NAMES),
  channels: labelsOf(CHANNEL_NAMES),
  tone: labelsOf(TONE_LABELS),
};

const TEMPLATE_WORDS: Words = {
  title: { label: "Title", hint: "What the message is for, as a person would search for it." },
  summary: { label: "Summary", hint: "One sentence on when to send it." },
  tactic: { label: "Tactic", hint: "The advice page this message puts into practice." },
  situation: { label: "Situation", hint: "Must be the situation of the tactic you chose." },
  channel: {
    label: "Channel",
    hint: "Where it is sent; the preview measures it against this channel's limit.",
  },
  tone: { label: "Tone" },
  need: {
    label: "Need",
    hint: 'What it answers, shared by every version of this message, e.g. "ask-for-a-reference": the pages link the versions.',
  },
  subject: {
    label: "Subject",
    widget: "string",
    hint: "Emails only (and then required): the subject line, which may use {{fields}}.",
  },
  searchPhrases: {
    label: "Search phrases",
    hint: "How people ask for this message when they search, in their own words. Never shown.",
  },
};

const TACTIC_WORDS: Words = {
  title: { label: "Title", hint: 'The tactic written as an instruction: "Own the lapse".' },
  summary: { label: "Summary", hint: "One or two sentences for lists and search results." },
  situation: { label: "Situation" },
  order: { label: "Number in the guide", hint: "1 to 9 across both situations; each tactic its own." },
  channels: { label: "Channels", hint: "Exactly the channels its templates use." },
  timeNeeded: { label: "Time needed", hint: 'In plain words: "10 minutes".' },
};

const GUIDE_WORDS: Words = {
  title: { label: "Title" },
  summary: { label: "Summary", hint: "One or two sentences for lists and search results." },
  situation: { label: "Situation", hint: "Leave empty for a guide on references in general." },
  order: { label: "Position in guide lists", hint: "Smallest first." },
  tactics: { label: "Tactics", hint: "File names (without .mdx) of the tactics it goes deeper on." },
  templates: {
    label: "Templates",
    hint: "File names (without .md) of the templates it puts into practice, in order.",
  },
};

const FIELD_WORDS: Words = {
  id: { label: "Id", hint: "The name templates use, as {{id}}: camelCase, e.g. theirName." },
  label: { label: "Label", hint: "Shown above the input, and as [Label] until it is filled in." },
  hint: { label: "Hint", hint: "One sentence a stranger understands, ending with e.g. and an example." },
  why: { label: "Why it helps", hint: "In one short sentence; an optional detail shows it before its hint." },
  example: {
    label: "Example",
    hint: "A realistic value; the build fills every template with these to check its limits.",
  },
  type: { label: "Input" },
  about: {
    label: "Whose detail",
    hint: "you: the writer's own, typed once; them: the person written to, kept for each person; job: the job.",
  },
  options: { label: "Options", hint: "For a choice input only: the choices, in order." },
  maxLength: { label: "Most characters" },
};

/** Where the CMS saves: GitHub in production, decap-server on this machine when it runs. */
export interface CmsBackend {
  /** "owner/name" of the GitHub repository holding the site. */
  readonly repo: string;
  readonly branch: string;
  /** The OAuth provider's origin (docs/editing.md); omitted, Decap uses Netlify's. */
  readonly authBaseUrl?: string;
  /** decap-server's API address, for `npm run cms` and the tests; Decap only tries it on localhost. */
  readonly localBackendUrl?: string;
}

export interface CmsConfigInput {
  readonly fields: readonly FieldDefinition[];
  readonly tactics: readonly { readonly slug: string; readonly title: string; readonly situation: string }[];
  readonly siteUrl: string;
  readonly backend: CmsBackend;
}

/** The hint under the message box: the tags, and every field id a template may use. */
export function bodyHint(fields: readonly Pick<FieldDefinition, "id">[]): string {
  return `The message, in Mustache: {{theirName}} puts in a detail, {{#workplace}}…{{/workplace}} shows its text only when that detail is filled in, {{^workplace}}…{{/workplace}} only when it is empty. Field ids: ${fields.map((f) => `{{${f.id}}}`).join(" ")}`;
}

export function cmsConfig(input: CmsConfigInput): Record<string, unknown> {
  const templateFields = fieldsOf(templateSchema, TEMPLATE_WORDS, VOCABULARY).map((field) =>
    field.name === "tactic"
      ? {
          name: field.name,
          label: field.label,
          required: true,
          ...(field.hint === undefined ? {} : { hint: field.hint }),
          widget: "select",
          options: input.tactics.map((t) => ({ label: `${t.title} (${t.situation})`, value: t.slug })),
        }
      : field,
  );
  const page = (
    folder: string,
    name: string,
    label: string,
    singular: string,
    words: Words,
    schema: typeof tacticSchema | typeof guideSchema,
  ) => ({
    name,
    label,
    label_singular: singular,
    folder: `src/content/${folder}`,
    extension: "mdx",
    format: "frontmatter",
    create: true,
    slug: "{{slug}}",
    fields: [
      ...fieldsOf(schema, words, VOCABULARY),
      {
        name: "body",
        label: "Page",
        widget: "markdown",
        modes: ["raw"],
        hint: "Markdown only (docs/writing-content.md).",
      },
    ],
  });
  return {
    backend: {
      name: "github",
      repo: input.backend.repo,
      branch: input.backend.branch,
      ...(input.backend.authBaseUrl === undefined ? {} : { base_url: input.backend.authBaseUrl }),
    },
    ...(input.backend.localBackendUrl === undefined
      ? { local_backend: true }
      : { local_backend: { url: input.backend.localBackendUrl } }),
    publish_mode: "simple",
    site_url: input.siteUrl,
    display_url: input.siteUrl,
    media_folder: "public/images",
    public_folder: "/images",
    collections: [
      {
        name: "templates",
        label: "Message templates",
        label_singular: "Message template",
        folder: "src/content/templates",
        extension: "md",
        format: "frontmatter",
        create: true,
        slug: "{{slug}}",
        summary: "{{title}} ({{channel}})",
        sortable_fields: ["title", "channel", "tactic"],
        fields: [
          ...templateFields,
          { name: "body", label: "Message", widget: "text", hint: bodyHint(input.fields) },
        ],
      },
      page("tactics", "tactics", "Tactics", "Tactic", TACTIC_WORDS, tacticSchema),
      page("guides", "guides", "Guides", "Guide", GUIDE_WORDS, guideSchema),
      {
        name: "registry",
        label: "Field registry",
        // Decap reads `format` from the collection, not from its files.
        format: FIELD_REGISTRY_FORMAT,
        files: [
          {
            name: "fields",
            label: "Fields people fill in",
            file: "src/content/fields.yaml",
            fields: [
              // The file's notes for editors, kept as they are (src/cms/field-registry-format.ts).
              { name: "header", label: "Notes at the top of the file", widget: "hidden", required: false },
              { name: "notes", label: "Notes before fields", widget: "hidden", required: false },
              {
                name: "fields",
                label: "Fields",
                label_singular: "field",
                widget: "list",
                summary: "{{fields.id}}: {{fields.label}}",
                collapsed: true,
                fields: fieldsOf(fieldSchema, FIELD_WORDS, {}),
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The Zod schemas the collections are made from, for the tests that compare them. */
export const CMS_SCHEMAS: Readonly<Record<string, z.ZodObject>> = {
  templates: templateSchema,
  tactics: tacticSchema,
  guides: guideSchema,
  fields: fieldSchema,
};
