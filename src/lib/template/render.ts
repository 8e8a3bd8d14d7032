/**
 * Renders parsed templates. It takes nodes, not source text, so browser code can be handed
 * templates parsed at build time and never bundle the parser.
 */
import type { TemplateNode } from "./parse.ts";

/**
 * One piece of rendered output. A preview shows `filled` and `missing` pieces differently, so a
 * reader can see at a glance which details still need typing.
 */
export type Segment =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "filled"; readonly field: string; readonly text: string }
  | { readonly kind: "missing"; readonly field: string };

export interface RenderOptions {
  /**
   * Applied to `{{name}}` output (never `{{{name}}}` or `{{&name}}`): the Mustache spec's HTML
   * escaping, passed in by renderMustache. The site renders plain text and passes none, so the
   * widget bundle, which only fills messages, carries no escaper.
   */
  readonly escape?: (text: string) => string;
}

type Context = unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Resolve a name against the context stack. A dotted name finds its first part anywhere in the
 * stack, then walks the rest inside that one value only (spec: "broken chain resolution").
 * Only own properties count: a name a page added to Object.prototype (`theirName`, say) or one
 * every object inherits (`constructor`) is not a value anybody gave.
 */
function lookup(name: string, stack: readonly Context[]): unknown {
  if (name === ".") return stack[stack.length - 1];
  const [first = "", ...rest] = name.split(".");
  let value: unknown;
  for (let i = stack.length - 1; i >= 0; i -= 1) {
    const context = stack[i];
    if (isRecord(context) && Object.hasOwn(context, first)) {
      value = context[first];
      break;
    }
  }
  for (const part of rest) {
    value = isRecord(value) && Object.hasOwn(value, part) ? value[part] : undefined;
  }
  return value;
}

/** Empty means "not filled in": a blank or whitespace-only string counts as empty, like no value. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}

function renderNodes(
  nodes: readonly TemplateNode[],
  stack: Context[],
  options: RenderOptions,
  out: Segment[],
): void {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push({ kind: "text", text: node.value });
        break;
      case "variable": {
        const value = lookup(node.name, stack);
        if (isEmpty(value)) {
          out.push({ kind: "missing", field: node.name });
        } else {
          const text = typeof value === "string" ? value : String(value);
          out.push({
            kind: "filled",
            field: node.name,
            text: node.escape && options.escape !== undefined ? options.escape(text) : text,
          });
        }
        break;
      }
      case "section": {
        const value = lookup(node.name, stack);
        if (node.inverted) {
          if (isEmpty(value)) renderNodes(node.children, stack, options, out);
        } else if (Array.isArray(value)) {
          for (const item of value) {
            stack.push(item);
            renderNodes(node.children, stack, options, out);
            stack.pop();
          }
        } else if (!isEmpty(value)) {
          stack.push(value);
          renderNodes(node.children, stack, options, out);
          stack.pop();
        }
        break;
      }
    }
  }
}

/** Render to segments, merging neighbouring text so a preview gets as few nodes as possible. */
export function segmentsFromNodes(
  nodes: readonly TemplateNode[],
  data: unknown,
  options: RenderOptions = {},
): Segment[] {
  const raw: Segment[] = [];
  renderNodes(nodes, [data], options, raw);
  const merged: Segment[] = [];
  for (const segment of raw) {
    const last = merged[merged.length - 1];
    if (segment.kind === "text" && last?.kind === "text") {
      merged[merged.length - 1] = { kind: "text", text: last.text + segment.text };
    } else if (segment.kind !== "text" || segment.text !== "") {
      merged.push(segment);
    }
  }
  return merged;
}

export type FieldValues = Readonly<Record<string, string | undefined>>;

/** Trimmed values, with blank ones dropped: whitespace-only input counts as not filled in. */
export function cleanValues(values: FieldValues): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const trimmed = value?.trim() ?? "";
    if (trimmed !== "") clean[name] = trimmed;
  }
  return clean;
}

/** Segments for a person's values; see renderSegments for templates given as source text. */
export function renderNodeSegments(nodes: readonly TemplateNode[], values: FieldValues): Segment[] {
  return segmentsFromNodes(nodes, cleanValues(values));
}

export function segmentsToText(
  segments: readonly Segment[],
  missing: (field: string) => string = () => "",
): string {
  return segments.map((s) => (s.kind === "missing" ? missing(s.field) : s.text)).join("");
}
