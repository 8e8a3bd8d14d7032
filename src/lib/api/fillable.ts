/**
 * The one function that turns a template and the field registry into the shape every face fills
 * in (FillableTemplate): the template page, the iframe embed, the JSON API and the .txt file all
 * call it, so they can never disagree on a template's fields or on which of them are required.
 */
import { CHANNELS } from "../channels.ts";
import type { FieldDefinition } from "../fields.ts";
import type { TemplateInfo } from "../library.ts";
import { fieldsOfNodes, parseTemplate, requiredFieldsOfNodes, type TemplateNode } from "../template/index.ts";
import { fillForm } from "../fill/form.ts";
import { ADDRESS_FIELDS } from "../vocabulary.ts";
import { FILL_TEXT_EN, type FillText } from "../ui-text.ts";
import type { FillableTemplate } from "./schema.ts";

interface Parsed {
  readonly subject: string | undefined;
  readonly body: string;
  readonly nodes: FillableTemplate["nodes"];
}

/**
 * Parsed templates by slug. A build renders each template in four routes (page, embed, JSON,
 * text); parsing once keeps that linear. The source is compared, so an edit in `astro dev`
 * parses again instead of serving stale nodes.
 */
const parsed = new Map<string, Parsed>();

function parse(template: TemplateInfo): Parsed {
  const known = parsed.get(template.slug);
  if (known !== undefined && known.subject === template.subject && known.body === template.body) return known;
  const body = parseTemplate(template.body);
  const nodes =
    template.subject === undefined ? { body } : { subject: parseTemplate(template.subject), body };
  const entry = { subject: template.subject, body: template.body, nodes };
  parsed.set(template.slug, entry);
  return entry;
}

const unique = (lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())];

export function fillableTemplate(
  template: TemplateInfo,
  registry: readonly FieldDefinition[],
  text: FillText = FILL_TEXT_EN,
): FillableTemplate {
  const { nodes } = parse(template);
  const parts: readonly (readonly TemplateNode[])[] =
    nodes.subject === undefined ? [nodes.body] : [nodes.subject, nodes.body];
  const address = ADDRESS_FIELDS[template.channel];
  const used = unique([...parts.map(fieldsOfNodes), address === undefined ? [] : [address]]);
  // Registry order (your name, their name, where, when...) reads better than order of use.
  const fields = registry.filter((field) => used.includes(field.id));
  const required = unique(parts.map(requiredFieldsOfNodes));
  return {
    slug: template.slug,
    title: template.title,
    summary: template.summary,
    channel: CHANNELS[template.channel],
    nodes,
    fields,
    required,
    form: fillForm(fields, required, text),
  };
}
