/**
 * Checks over finished message text, shared by the content gates: spacing and placeholder
 * mistakes, and small words left dangling where an optional detail was empty. Pure functions
 * over strings; tests/content/library-quality.test.ts holds a good and a bad sample for each.
 */
import {
  parseTemplate,
  renderNodeSegments,
  segmentsToText,
  type TemplateNode,
} from "../../src/lib/template/index.ts";

/** Problems any finished message or page text must not have. */
export function wholeTextProblems(text: string): string[] {
  const problems: string[] = [];
  const show = (m: RegExpMatchArray): string => JSON.stringify(m[0]);
  for (const m of text.matchAll(/\{\{|\}\}/g)) problems.push(`unfilled template tag ${show(m)}`);
  for (const m of text.matchAll(/\[[^\]\n]+\]/g)) problems.push(`unfilled placeholder ${show(m)}`);
  for (const m of text.matchAll(/\S* {2,}\S*/g)) problems.push(`doubled space in ${show(m)}`);
  if (/\n[ \t]*\n[ \t]*\n/.test(text)) problems.push("a run of three or more line breaks (two blank lines)");
  for (const m of text.matchAll(/\S* [,.!?;:]/g)) problems.push(`space before punctuation in ${show(m)}`);
  for (const m of text.matchAll(/\S*[ \t]+$/gm)) problems.push(`trailing space after ${show(m)}`);
  // Two stops are a typo or a detail typed with its own stop; three are an ellipsis, meant.
  for (const m of text.matchAll(/\S*(?<!\.)\.\.(?!\.)\S*/g)) problems.push(`doubled full stop in ${show(m)}`);
  for (const m of text.matchAll(/\b(\p{L}+)\s+\1\b/giu)) problems.push(`doubled word ${show(m)}`);
  return problems;
}

/**
 * Marks where each section starts and ends in rendered text, so a check can tell a word the
 * editor wrote ("someone you could speak to,") from one left stranded because the detail after
 * it was empty ("I'm applying for." from `for {{#targetRole}}...{{/targetRole}}.`).
 */
export const EDGE = "\u0001";

/** The template's nodes with an EDGE text node either side of every section, nested ones too. */
function markSectionEdges(nodes: readonly TemplateNode[]): TemplateNode[] {
  return nodes.flatMap((node): TemplateNode[] =>
    node.type === "section"
      ? [
          { type: "text", value: EDGE },
          { ...node, children: markSectionEdges(node.children) },
          { type: "text", value: EDGE },
        ]
      : [node],
  );
}

/** Like renderText, with EDGE where every section (rendered or not) began and ended. */
export function renderMarked(
  source: string,
  values: Readonly<Record<string, string>>,
  missing: (field: string) => string = () => "",
): string {
  return segmentsToText(renderNodeSegments(markSectionEdges(parseTemplate(source)), values), missing);
}

export const unmark = (text: string): string => text.replaceAll(EDGE, "");

/** Small words that cannot end a phrase: left behind when the detail after them is missing. */
const SMALL_WORDS = ["at", "for", "with", "to", "from", "on", "in", "by", "the", "a", "an", "and", "of"];
const DANGLING_BEFORE_PUNCTUATION = new RegExp(
  `\\b(?:${[...SMALL_WORDS, "as"].join("|")})([\\s${EDGE}]*)[.,!?]`,
  "gi",
);
const DANGLING_AT_LINE_END = new RegExp(`\\b(?:${SMALL_WORDS.join("|")})([ \\t${EDGE}]*)$`, "gim");

/**
 * Small words left dangling before punctuation or at a line end, and empty parentheses.
 * mode "all" flags every dangling word. mode "section-edges" (for text from renderMarked) flags
 * only those with a section edge between the word and the punctuation or line end, that is, the
 * ones an empty detail left behind; English the editor wrote on purpose ("what you could speak
 * to,", "the first person I thought of.") passes.
 */
export function danglingProblems(text: string, mode: "all" | "section-edges"): string[] {
  const counts = (m: RegExpMatchArray): boolean => mode === "all" || (m[1] ?? "").includes(EDGE);
  const problems: string[] = [];
  for (const m of text.matchAll(DANGLING_BEFORE_PUNCTUATION)) {
    if (counts(m)) problems.push(`dangling word before punctuation: ${context(text, m)}`);
  }
  for (const m of text.matchAll(DANGLING_AT_LINE_END)) {
    if (counts(m)) problems.push(`dangling word at the end of a line: ${context(text, m)}`);
  }
  const plain = unmark(text);
  for (const m of plain.matchAll(/\(\s*\)/g)) problems.push(`empty parentheses: ${context(plain, m)}`);
  return problems;
}

function context(text: string, m: RegExpMatchArray): string {
  const start = Math.max(0, (m.index ?? 0) - 30);
  const end = (m.index ?? 0) + m[0].length;
  return JSON.stringify(unmark(text.slice(start, end)));
}
