/**
 * <rk-fill-in>: hydrates the server-rendered fill-in (src/components/FillIn.astro) with the props
 * from its JSON data block. It runs as soon as the module does, not when the browser is idle, so
 * the form can be used as early as possible on a slow phone.
 */
import { h, hydrate } from "preact";
import TemplateFiller, { type TemplateFillerProps } from "../components/islands/TemplateFiller.tsx";

class FillIn extends HTMLElement {
  connectedCallback(): void {
    const data = this.querySelector(":scope > script[type='application/json']");
    if (data === null) return;
    const props = JSON.parse(data.textContent) as TemplateFillerProps;
    // The data block goes before hydrating, so Preact finds exactly the markup it rendered.
    data.remove();
    hydrate(h(TemplateFiller, props), this);
  }
}

if (customElements.get("rk-fill-in") === undefined) customElements.define("rk-fill-in", FillIn);
