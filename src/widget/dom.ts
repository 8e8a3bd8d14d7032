/**
 * A few lines of DOM building. Everything goes through createElement and textContent, never
 * innerHTML: a reader's details are always text, and a host that requires Trusted Types still
 * runs the widget.
 */
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
