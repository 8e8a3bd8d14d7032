/**
 * Whether a template can come out with no words at all. An empty message still gets a Send
 * button (`sms:?&body=`) and a meter reading "0 SMS segments", so the build refuses one that
 * can be empty however the form is filled in, not only one whose source is blank.
 */
import type { TemplateNode } from "./parse.ts";
import { renderNodeSegments, segmentsToText } from "./render.ts";

/** Beyond this many section fields (4,096 ways to fill them), only the simplest ways are tried. */
const MAX_EXHAUSTIVE = 12;

function sectionFields(nodes: readonly TemplateNode[], out: Set<string>): Set<string> {
  for (const node of nodes) {
    if (node.type !== "section") continue;
    if (node.name !== ".") out.add(node.name);
    sectionFields(node.children, out);
  }
  return out;
}

/** Every subset of `items`, fewest members first, so a report names the simplest case. */
function subsetsBySize(items: readonly string[]): string[][] {
  const all: string[][] = [];
  for (let mask = 0; mask < 2 ** items.length; mask += 1) {
    all.push(items.filter((_, i) => (mask & (2 ** i)) !== 0));
  }
  return all.sort((a, b) => a.length - b.length);
}

/**
 * The section fields to fill in for the template to come out blank (whitespace only) when no
 * other detail is given: `[]` when it is blank with nothing filled in, `undefined` when it always
 * has words of its own. Only section fields are tried: filling any other field can only add
 * text, while a section's field can also hide text (`{{^x}}…{{/x}}`).
 */
export function blankWhenFilled(nodes: readonly TemplateNode[]): string[] | undefined {
  const fields = [...sectionFields(nodes, new Set())];
  const tries =
    fields.length <= MAX_EXHAUSTIVE ? subsetsBySize(fields) : [[], ...fields.map((field) => [field])];
  return tries.find((filled) => {
    const values = Object.fromEntries(filled.map((field) => [field, "x"]));
    return segmentsToText(renderNodeSegments(nodes, values)).trim() === "";
  });
}
