/**
 * A custom element that hydrates the Preact component the page rendered at build time, with the
 * props from the JSON data block inside it (see src/components/Island.astro). It runs as soon as
 * the module does, so a form can be used as early as possible on a slow phone. Why not Astro's
 * client directives: their island runtime (about 2 KB gzipped inline, plus a renderer that
 * lazy-loads Preact's signals) is what decides whether a page fits its JavaScript budget, and
 * this element does the one thing these pages need.
 */
import { h, hydrate, type ComponentType } from "preact";

export function defineIsland<P extends object>(tag: string, component: ComponentType<P>): void {
  if (customElements.get(tag) !== undefined) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback(): void {
        const data = this.querySelector(":scope > script[type='application/json']");
        if (data === null) return;
        const props = JSON.parse(data.textContent) as P;
        // The data block goes before hydrating, so Preact finds exactly the markup it rendered.
        data.remove();
        hydrate(h(component, props), this);
      }
    },
  );
}
