/**
 * The template engine as the site uses it: message templates in Mustache syntax, filled with the
 * plain-text values a person typed. Values are never HTML-escaped here (the page escapes when it
 * puts text in the DOM) and never re-interpolated, so a value like `{{x}}` stays literal.
 */
import { parseTemplate, type TemplateNode } from "./parse.ts";
import { renderToSegments, segmentsToText, type Segment } from "./render.ts";

export { parseTemplate, positionOf, TemplateSyntaxError, type TemplateNode } from "./parse.ts";
export { renderMustache, segmentsToText, type Segment } from "./render.ts";

export type FieldValues = Readonly<Record<string, string | undefined>>;

interface FieldUse {
  readonly name: string;
  /** True when the field appears outside every section, so the message needs it. */
  readonly required: boolean;
}

function collectFieldUses(nodes: readonly TemplateNode[], insideSection: boolean, out: FieldUse[]): void {
  for (const node of nodes) {
    if (node.type === "variable" && node.name !== ".") {
      out.push({ name: node.name, required: !insideSection });
    } else if (node.type === "section") {
      out.push({ name: node.name, required: false });
      collectFieldUses(node.children, true, out);
    }
  }
}

function fieldUses(template: string): FieldUse[] {
  const uses: FieldUse[] = [];
  collectFieldUses(parseTemplate(template), false, uses);
  return uses;
}

/** Every field name a template uses, in order of first appearance, without repeats. */
export function fieldsOf(template: string): string[] {
  return [...new Set(fieldUses(template).map((use) => use.name))];
}

/** The fields a template cannot read well without: those used outside any section. */
export function requiredFieldsOf(template: string): string[] {
  return [
    ...new Set(
      fieldUses(template)
        .filter((use) => use.required)
        .map((use) => use.name),
    ),
  ];
}

/** Trimmed values, with blank ones dropped: whitespace-only input counts as not filled in. */
export function cleanValues(values: FieldValues): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const trimmed = value?.trim() ?? "";
    if (trimmed !== "") clean[name] = trimmed;
  }
  return clean;
}

/** Text, filled-field and missing-field segments, for a preview that marks what is still missing. */
export function renderSegments(template: string, values: FieldValues): Segment[] {
  return renderToSegments(template, cleanValues(values));
}

/**
 * The finished plain text. A field that is still missing becomes `missing(field)`: empty by
 * default, or a visible placeholder such as `[Their name]` for pages read without JavaScript.
 */
export function renderText(
  template: string,
  values: FieldValues,
  missing: (field: string) => string = () => "",
): string {
  return segmentsToText(renderSegments(template, values), missing);
}
