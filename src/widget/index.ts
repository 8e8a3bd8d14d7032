/**
 * widget.js: <reconnect-template> and <reconnect-templates>, and one global, ReconnectKit.
 * Loading the script twice (the stable and a pinned URL, or two copies of a snippet) is harmless:
 * the first copy defines the elements and sets ReconnectKit, and every later copy does nothing.
 * A name the page itself already took is skipped with a console warning (see define.ts).
 */
// First: it starts the template requests while the rest of the script is still being run.
import "./early.ts";
import { defineElements } from "./define.ts";
import { ReconnectTemplates } from "./picker-element.ts";
import { ReconnectTemplate, warn } from "./template-element.ts";

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

defineElements(
  customElements,
  [
    ["reconnect-template", ReconnectTemplate],
    ["reconnect-templates", ReconnectTemplates],
  ],
  window.ReconnectKit !== undefined,
  warn,
);
window.ReconnectKit ??= Object.freeze({ version: __RK_VERSION__ });
