/**
 * Defining the widget's elements on a page that may already use their names. Each name is
 * checked on its own: a page that took one still gets the other, and is told which one it took,
 * instead of an uncaught "has already been used" error or nothing at all.
 */

/** The two calls the widget needs of a CustomElementRegistry (window.customElements). */
export interface Registry {
  get(name: string): CustomElementConstructor | undefined;
  define(name: string, element: CustomElementConstructor): void;
}

/**
 * Defines each element whose name is still free. A name already defined is expected when an
 * earlier copy of widget.js ran (the stable and a pinned URL, or a snippet pasted twice) and is
 * then skipped quietly; otherwise the page defined it itself, and `warn` says which name and
 * what to do. The link inside such an element (the snippet's fallback) stays as the page shows it.
 */
export function defineElements(
  registry: Registry,
  elements: readonly (readonly [string, CustomElementConstructor])[],
  earlierCopy: boolean,
  warn: (message: string) => void,
): void {
  for (const [name, element] of elements) {
    if (registry.get(name) === undefined) registry.define(name, element);
    else if (!earlierCopy)
      warn(
        `this page already defines <${name}>, so the widget cannot draw it; rename or remove the page's own.`,
      );
  }
}
