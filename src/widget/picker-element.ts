/**
 * <reconnect-templates situation="reference">: a list to choose a template from, and the chosen
 * template below it in a <reconnect-template>. Filters: situation, channel, tone and tactic.
 */
import { asIndexJson, loadJson } from "./data.ts";
import { fill, h } from "../client/dom.ts";
import { FILTERS, pickTemplates, type PickerFilter } from "../lib/api/pick.ts";
import { indexJsonPath, type TemplateIndexJson } from "../lib/api/schema.ts";
import { PARTS } from "../lib/api/parts.ts";
import { WIDGET_TEXT_EN as WORDS } from "../lib/embed-text.ts";
import {
  adoptStyles,
  applyLook,
  problemMessage,
  ReconnectTemplate,
  ROOT,
  showFailure,
} from "./template-element.ts";

/** Passed on to the inner <reconnect-template> unchanged. */
const FORWARDED = ["theme", "accent", "accent-dark", "radius", "heading-level"] as const;

export class ReconnectTemplates extends HTMLElement {
  static readonly observedAttributes = [...FILTERS, ...FORWARDED, "template"];

  readonly #frame = h("div", { class: "rk pick", part: "container", dir: "ltr" });
  readonly #select = h("select", { id: "pick", part: "select" });
  readonly #bar = h(
    "div",
    { class: "pick-bar", part: "picker" },
    h("label", { for: "pick", part: "label" }, WORDS.choose),
    this.#select,
  );
  readonly #widget = h("reconnect-template", { exportparts: PARTS });
  #index: TemplateIndexJson | undefined;
  /** Made with the element, while the page's built-ins still work, so a failure can be shown. */
  readonly #failed = problemMessage("failed", "");
  #started = false;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    adoptStyles(shadow);
    this.#select.addEventListener("change", () => {
      this.#widget.setAttribute("template", this.#select.value);
    });
    shadow.append(this.#frame);
  }

  connectedCallback(): void {
    applyLook(this, this.#frame);
    this.#forward();
    if (!this.#started) {
      this.#started = true;
      void this.#load();
    }
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value || !this.isConnected) return;
    if ((FORWARDED as readonly string[]).includes(name)) {
      applyLook(this, this.#frame);
      this.#forward();
    } else if (this.#index !== undefined) {
      this.#render(this.#index, name === "template" ? value : null);
    }
  }

  #forward(): void {
    for (const name of FORWARDED) {
      const value = this.getAttribute(name);
      if (value === null) this.#widget.removeAttribute(name);
      else this.#widget.setAttribute(name, value);
    }
  }

  async #load(): Promise<void> {
    fill(this.#frame, problemMessage("loading", ""));
    try {
      // The page may have defined <reconnect-template> itself (define.ts warns); the list
      // would then open someone else's element, so the link to the site is shown instead.
      if (!(this.#widget instanceof ReconnectTemplate))
        throw new Error("<reconnect-template> is the page's own");
      const url = new URL(indexJsonPath(), ROOT);
      this.#index = asIndexJson(await loadJson(url), url.href);
    } catch (error) {
      showFailure(this.#frame, this.#failed, error);
      this.#started = false;
      return;
    }
    this.#render(this.#index, this.getAttribute("template"));
  }

  /**
   * Lists the matching templates; keeps the reader's choice unless `wanted` names another. An
   * index (or a page) that makes this throw ends in the fallback link.
   */
  #render(index: TemplateIndexJson, wanted: string | null): void {
    try {
      const filter = Object.fromEntries(
        FILTERS.map((name) => [name, this.getAttribute(name) ?? ""]),
      ) as PickerFilter;
      const groups = pickTemplates(index, filter);
      if (groups.length === 0) {
        fill(this.#frame, problemMessage("no-match", ""));
        return;
      }
      fill(
        this.#select,
        ...groups.map(({ label, templates }) =>
          h("optgroup", { label }, ...templates.map((t) => h("option", { value: t.slug }, t.title))),
        ),
      );
      const slugs = groups.flatMap((g) => g.templates.map((t) => t.slug));
      // The wanted template if listed, else the one shown if still listed, else the first.
      const chosen =
        [wanted, this.#widget.getAttribute("template")].find((slug) => slugs.includes(slug ?? "")) ??
        slugs[0] ??
        "";
      this.#select.value = chosen;
      this.#widget.setAttribute("template", chosen);
      if (!this.#bar.isConnected) fill(this.#frame, this.#bar, this.#widget);
    } catch (error) {
      showFailure(this.#frame, this.#failed, error);
    }
  }
}
