/**
 * A few lines of DOM building, for the widget and the template page's fill-in. Everything goes
 * through createElement and text nodes, never innerHTML: a reader's details are always text, and
 * a host that requires Trusted Types still runs the widget.
 */
import type { Markup } from "../lib/markup.ts";

type Prop = string | number | boolean | undefined | ((event: Event) => void);
export type Child = Node | string | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Readonly<Record<string, Prop>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  element.append(...children.filter((child): child is Node | string => child !== false && child != null));
  return element;
}

/** Replace an element's children. */
export function fill(element: Element, ...children: readonly Child[]): void {
  element.replaceChildren(
    ...children.filter((child): child is Node | string => child !== false && child != null),
  );
}

/** Markup (src/lib/markup.ts) as DOM nodes: the browser's half of what toHtml does at build time. */
export function toDom(markup: Markup): Node | undefined {
  if (markup === false || markup === null || markup === undefined) return undefined;
  if (typeof markup === "string") return document.createTextNode(markup);
  return h(markup.tag as "div", markup.attributes, ...markup.children.map(toDom));
}

/**
 * Makes `node` show `markup`, changing only what differs: elements with the same tag at the same
 * place are kept, so a focused or half-clicked button survives a redraw (a press whose blur
 * redraws the region still lands on its button). Returns the node now in its place.
 */
export function patch(node: Node, markup: Markup): Node {
  if (markup === false || markup === null || markup === undefined) return node;
  if (typeof markup === "string") {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.nodeValue !== markup) node.nodeValue = markup;
      return node;
    }
  } else if (node instanceof Element && node.localName === markup.tag) {
    for (const { name } of [...node.attributes]) if (!(name in markup.attributes)) node.removeAttribute(name);
    for (const [name, value] of Object.entries(markup.attributes)) {
      const text = value === true ? "" : value === false || value === undefined ? null : String(value);
      if (text === null) node.removeAttribute(name);
      else if (node.getAttribute(name) !== text) node.setAttribute(name, text);
    }
    const children = markup.children.filter(
      (child) => child !== false && child !== null && child !== undefined,
    );
    children.forEach((child, i) => {
      const existing = node.childNodes[i];
      if (existing === undefined) node.append(toDom(child) as Node);
      else patch(existing, child);
    });
    while (node.childNodes.length > children.length) node.lastChild?.remove();
    return node;
  }
  const next = toDom(markup) as Node;
  node.parentNode?.replaceChild(next, node);
  return next;
}
