/**
 * Every render of every template that the content gates read: each combination of its optional
 * details (see combinations.ts), once with the registry's example values and once with the
 * example each field's hint gives a stranger, plus each option of a choice field and every
 * detail typed with a final full stop. Identical renders are kept once.
 */
import { resolve } from "node:path";
import { checkLibrary } from "../../src/build/content-check.ts";
import { site } from "../../src/config.ts";
import { fillableTemplate } from "../../src/lib/api/fillable.ts";
import { displayValues, placeholderFor, type FieldDefinition } from "../../src/lib/fields.ts";
import { optionalSubsets } from "./combinations.ts";
import { renderMarked, unmark } from "./text-checks.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The example a field's hint offers ("The years, e.g. 2019 to 2021." gives "2019 to 2021"):
 * what a stranger following the hint would type, so every template must read well with it.
 */
export function hintExample(hint: string): string | undefined {
  // The example runs to the end, or to a full stop that starts another sentence.
  const match = /\b(?:e\.g\.|for example,?)\s+(.+?)(?:\.\s+[A-Z].*|\.)?\s*$/i.exec(hint);
  return match?.[1]?.replace(/^["“](.*)["”]$/, "$1");
}

/** Fields a person types freely: their hint must give an example the gates can render. */
export const TYPED = new Set<FieldDefinition["type"]>(["text", "email", "tel"]);

export const library = checkLibrary(ROOT);
const registry = new Map(library.fields.map((f) => [f.id, f]));
const placeholder = (id: string): string => placeholderFor(registry.get(id), id);

const registryValues = Object.fromEntries(library.fields.map((f) => [f.id, f.example]));
const hintValues = Object.fromEntries(
  library.fields.map((f) => [f.id, (TYPED.has(f.type) ? hintExample(f.hint) : undefined) ?? f.example]),
);
/** What people often type: a one-line detail ending in its own full stop. */
const stoppedValues = Object.fromEntries(
  library.fields.map((f) => [
    f.id,
    f.type === "text" && !f.example.endsWith(".") ? `${f.example}.` : f.example,
  ]),
);

const pick = (values: Readonly<Record<string, string>>, ids: readonly string[]): Record<string, string> =>
  Object.fromEntries(ids.flatMap((id) => (values[id] === undefined ? [] : [[id, values[id]]])));

export interface Render {
  /** How it was filled, for the failure message, e.g. "hint examples: targetRole, workYears". */
  readonly how: string;
  /** Subject and body with section edges marked (see text-checks.ts). */
  readonly parts: readonly { readonly part: "subject" | "body"; readonly marked: string }[];
}

export interface TemplateRenders {
  readonly slug: string;
  readonly path: string;
  readonly optional: readonly string[];
  /** How many fills were tried, before identical renders were dropped. */
  readonly fills: number;
  readonly renders: readonly Render[];
}

function rendersOf(slug: string): TemplateRenders {
  const template = library.templates.get(slug);
  if (template === undefined) throw new Error(`no template ${slug}`);
  const { fields, required } = fillableTemplate({ ...template, slug }, library.fields);
  const ids = fields.map((f) => f.id);
  const optional = ids.filter((id) => !required.includes(id));
  const fills: { how: string; values: Record<string, string> }[] = [];
  for (const [name, raw] of [
    ["registry examples", registryValues],
    ["hint examples", hintValues],
  ] as const) {
    for (const subset of optionalSubsets(optional)) {
      const how = `${name}: ${subset.join(", ") || "required details only"}`;
      fills.push({ how, values: pick(raw, [...required, ...subset]) });
    }
  }
  for (const field of fields) {
    for (const option of field.options ?? []) {
      fills.push({
        how: `every detail, ${field.id} "${option}"`,
        values: { ...pick(registryValues, ids), [field.id]: option },
      });
    }
  }
  fills.push({ how: "every detail typed with a final full stop", values: pick(stoppedValues, ids) });

  const seen = new Set<string>();
  const renders: Render[] = [];
  for (const { how, values } of fills) {
    const shown = displayValues(library.fields, values, site.locale);
    const parts = [
      ...(template.subject === undefined
        ? []
        : [{ part: "subject" as const, marked: renderMarked(template.subject, shown, placeholder) }]),
      { part: "body" as const, marked: renderMarked(template.body, shown, placeholder) },
    ];
    const key = parts.map((p) => p.marked).join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    renders.push({ how, parts });
  }
  return { slug, path: `src/content/templates/${slug}.md`, optional, fills: fills.length, renders };
}

/** Every template in the folder, so one added later is checked the day it lands. */
export const allRenders: readonly TemplateRenders[] = [...library.templates.keys()].map(rendersOf);

/** The finished text of a render (subject, then body), without section marks. */
export const plainText = (render: Render): string => render.parts.map((p) => unmark(p.marked)).join("\n");
