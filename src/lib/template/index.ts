/**
 * The template engine as the site uses it: message templates in Mustache syntax, filled with the
 * plain-text values a person typed. Values are never HTML-escaped here (the page escapes when it
 * puts text in the DOM) and never re-interpolated, so a value like `{{x}}` stays literal.
 */
import { parseTemplate, type TemplateNode } from "./parse.ts";
import {
  renderNodeSegments,
  segmentsFromNodes,
  segmentsToText,
  type FieldValues,
  type Segment,
} from "./render.ts";

export { parseTemplate, positionOf, TemplateSyntaxError, type TemplateNode } from "./parse.ts";
export { blankWhenFilled } from "./blank.ts";
export { cleanValues, renderNodeSegments, segmentsToText, type FieldValues, type Segment } from "./render.ts";

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

function fieldUses(nodes: readonly TemplateNode[]): FieldUse[] {
  const uses: FieldUse[] = [];
  collectFieldUses(nodes, false, uses);
  return uses;
}

/** Every field name parsed nodes use, in order of first appearance, without repeats. */
export function fieldsOfNodes(nodes: readonly TemplateNode[]): string[] {
  return [...new Set(fieldUses(nodes).map((use) => use.name))];
}

/** The fields parsed nodes cannot read well without: those used outside any section. */
export function requiredFieldsOfNodes(nodes: readonly TemplateNode[]): string[] {
  return [
    ...new Set(
      fieldUses(nodes)
        .filter((use) => use.required)
        .map((use) => use.name),
    ),
  ];
}

/** Every field name a template uses, in order of first appearance, without repeats. */
export function fieldsOf(template: string): string[] {
  return fieldsOfNodes(parseTemplate(template));
}

/** The fields a template cannot read well without: those used outside any section. */
export function requiredFieldsOf(template: string): string[] {
  return requiredFieldsOfNodes(parseTemplate(template));
}

/** Text, filled-field and missing-field segments, for a preview that marks what is still missing. */
export function renderSegments(template: string, values: FieldValues): Segment[] {
  return renderNodeSegments(parseTemplate(template), values);
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

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  '"': "&quot;",
  "<": "&lt;",
  ">": "&gt;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&"<>]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Full Mustache rendering to a string, as the spec defines it (the spec tests use `escape`). */
export function renderMustache(source: string, data: unknown, options: { escape?: boolean } = {}): string {
  return segmentsToText(
    segmentsFromNodes(parseTemplate(source), data, options.escape === true ? { escape: escapeHtml } : {}),
  );
}
