/**
 * widget.js: <reconnect-template> and <reconnect-templates>, and one global, ReconnectKit.
 * Loading the script twice (the stable and a pinned URL, or two copies of a snippet) is harmless:
 * the first copy defines the elements and every later copy does nothing.
 */
import { ReconnectTemplates } from "./picker-element.ts";
import { ReconnectTemplate } from "./template-element.ts";

declare global {
  interface Window {
    /** The only global the widget adds. */
    ReconnectKit?: { readonly version: string };
  }
  interface HTMLElementTagNameMap {
    "reconnect-template": ReconnectTemplate;
    "reconnect-templates": ReconnectTemplates;
  }
}

if (customElements.get("reconnect-template") === undefined) {
  window.ReconnectKit = Object.freeze({ version: __RK_VERSION__ });
  customElements.define("reconnect-template", ReconnectTemplate);
  customElements.define("reconnect-templates", ReconnectTemplates);
}
