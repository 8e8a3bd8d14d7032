/**
 * Markup as data: a face describes what it draws once, as a tree of plain objects, and that tree
 * becomes HTML at build time (toHtml, here) or DOM nodes in the browser (toDom, in
 * src/client/dom.ts). The template page's fill-in is drawn this way, so the HTML a reader gets
 * without JavaScript and the DOM the script redraws are the same code, and the page needs no
 * framework runtime (Preact's 6 KB gzipped would not fit its 14 KB JavaScript budget).
 *
 * Hand-made rather than a library's: it is the whole of what is needed (no diffing, no
 * components, no events: the faces that use it listen on their root), and it is 40 lines.
 */

/** An attribute: `true` writes it bare, `false` and `undefined` leave it out. */
export type AttributeValue = string | number | boolean | undefined;

export interface MarkupElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly children: readonly Markup[];
}

/** Text is always text: it is escaped into HTML and set as text in the DOM, never parsed. */
export type Markup = MarkupElement | string | false | null | undefined;

export function el(
  tag: string,
  attributes: Readonly<Record<string, AttributeValue>> = {},
  ...children: readonly Markup[]
): MarkupElement {
  return { tag, attributes, children };
}

/** Elements HTML writes without an end tag (the ones a face uses). */
const VOID = new Set(["input", "br", "hr", "img", "link", "meta"]);

const escapeText = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const escapeAttribute = (text: string): string => escapeText(text).replaceAll('"', "&quot;");

export function toHtml(markup: Markup): string {
  if (markup === false || markup === null || markup === undefined) return "";
  if (typeof markup === "string") return escapeText(markup);
  let html = `<${markup.tag}`;
  for (const [name, value] of Object.entries(markup.attributes)) {
    if (value === true) html += ` ${name}`;
    else if (value !== false && value !== undefined) html += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  if (VOID.has(markup.tag)) return `${html}>`;
  return `${html}>${markup.children.map(toHtml).join("")}</${markup.tag}>`;
}
