/**
 * Islands without Astro's island runtime. A page renders a Preact component at build time inside
 * a custom element (src/components/Hydrated.astro), with its props in a JSON data block; the
 * element hydrates it as soon as its module runs. Astro's client directives would add about 2 KB
 * gzipped of inline runtime to every page with an island, which is what kept the planner and the
 * tracker at the edge of their budget, and the element does the one thing needed here.
 */
import { h, hydrate, type ComponentType } from "preact";

export function defineIsland<P extends object>(name: string, component: ComponentType<P>): void {
  class Island extends HTMLElement {
    connectedCallback(): void {
      const data = this.querySelector(":scope > script[type='application/json']");
      if (data === null) return;
      const props = JSON.parse(data.textContent) as P;
      // The data block goes before hydrating, so Preact finds exactly the markup it rendered.
      data.remove();
      hydrate(h(component, props), this);
    }
  }
  if (customElements.get(name) === undefined) customElements.define(name, Island);
}
