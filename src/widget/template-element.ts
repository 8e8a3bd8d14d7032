/**
 * <reconnect-template template="slug">: one template with its fill-in form, live preview, limit
 * meter, copy buttons and mailto/sms links, rendered by the same src/lib core as the site.
 */
import { copyText, selectContents } from "../client/clipboard.ts";
import type { FillControl } from "../lib/fill/form.ts";
import { withPlainCharacters } from "../lib/fill/message.ts";
import {
  copyStatus,
  fillView,
  NO_FACE_ACTIONS,
  type CopyPart,
  type FillAction,
  type FillView as FillViewModel,
  type PreviewSegment,
} from "../lib/fill/view.ts";
import { getValue, setValue } from "../lib/profile.ts";
import { WIDGET_TEXT_EN as WORDS } from "../lib/embed-text.ts";
import { say, type FillText } from "../lib/ui-text.ts";
import { accentProperties, headingLevelOf, lengthOf, themeOf } from "./attributes.ts";
import { asTemplateJson, LoadError, loadJson, SLUG } from "./data.ts";
import { problemNotice, type ShownProblem } from "../lib/api/read.ts";
import { ROOT, templateUrl } from "./early.ts";
import { fill, h } from "../client/dom.ts";
import { dropKept, forgetValues, keptCopies, readValues, subscribe, writeValues } from "./profile-sync.ts";
import { templatePagePath, type TemplateJson } from "../lib/api/schema.ts";
import type { KeptCopy } from "../lib/storage.ts";
import { widgetSheet } from "./sheet.ts";

export { ROOT };

const SITE = { site: __RK_NAME__ };

/**
 * Something went wrong after the widget started (see data.ts for what it guards against): the
 * reader sees `message`, the page's developer the reason in the console.
 */
export function showFailure(target: Element, message: HTMLElement, error: unknown): void {
  fill(target, message);
  warn(error);
}

export function adoptStyles(shadow: ShadowRoot): void {
  shadow.adoptedStyleSheets = [widgetSheet()];
}

/** The widget's console messages, prefixed with the site's name. */
export function warn(message: unknown): void {
  console.warn(`${__RK_NAME__}:`, message);
}

/** Theme, accents and radius from the host's attributes onto the styled container. */
export function applyLook(host: HTMLElement, frame: HTMLElement): void {
  frame.dataset["theme"] = themeOf(host.getAttribute("theme"));
  // setProperty with an empty value removes the property: the default shows again.
  for (const [name, value] of [
    ...accentProperties(host.getAttribute("accent"), host.getAttribute("accent-dark"), warn),
    ["--rk-radius", lengthOf(host.getAttribute("radius"))] as const,
  ])
    frame.style.setProperty(name, value ?? "");
}

export function siteLink(path: string, text: string): HTMLAnchorElement {
  return h(
    "a",
    { href: new URL(path, ROOT).href, target: "_blank", rel: "noopener", part: "link" },
    text,
    h("span", { class: "vh" }, WORDS.newTab),
  );
}

/**
 * The short message shown instead of a blank box, with a way to reach the template anyway.
 * An empty slug (the picker) points to the list of templates; "no-match" is the picker's
 * filters leaving nothing to choose.
 */
export function problemMessage(problem: ShownProblem, slug: string): HTMLElement {
  const [text, path, link] = problemNotice(problem, slug);
  return h(
    "p",
    problem === "loading" ? { class: "note" } : { class: "error", part: "error" },
    `${text} `,
    siteLink(path, say(link, SITE)),
  );
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The widget prints nothing (print would print the host page) and offers no download or share. */
const ABILITIES = NO_FACE_ACTIONS;

function controlElement(control: FillControl): Control {
  const common = { id: control.id, name: control.field, "aria-describedby": control.hintId, part: "input" };
  switch (control.element) {
    case "textarea":
      return h("textarea", { ...common, rows: control.rows, maxlength: control.maxLength });
    case "select":
      return h(
        "select",
        common,
        h("option", { value: "" }, control.placeholder),
        ...(control.options ?? []).map((option) => h("option", { value: option }, option)),
      );
    case "input":
      return h("input", {
        ...common,
        type: control.type,
        maxlength: control.maxLength,
        autocomplete: control.autocomplete,
      });
  }
}

function segmentNodes(segments: readonly PreviewSegment[]): (Node | string)[] {
  return segments.map((s) => (s.kind === "text" ? s.text : h("span", { class: s.kind }, s.text)));
}

/** One template drawn in a <reconnect-template>: its root element, and refresh() to redraw it. */
interface Drawn {
  readonly root: HTMLElement;
  /** The site's words, sent with the template (see TemplateJson.text). */
  readonly text: FillText;
  /** Redraws from the saved details. */
  readonly refresh: () => void;
}

/**
 * The filled-in view of one template. A closure rather than a class: its parts are local
 * names, which the minifier shortens to a letter, where private fields keep `this.#` each time.
 */
function drawTemplate(host: ReconnectTemplate, template: TemplateJson): Drawn {
  const TEXT = template.uiText;
  const level = headingLevelOf(host.getAttribute("heading-level"));
  const { form } = template;
  const controls = new Map<string, Control>();
  const message = h("div", { class: "message", part: "message" });
  const subject = h("div", { class: "text", "data-part": "subject" });
  const body = h("div", { class: "text", "data-part": "body" });
  const count = h("p", { class: "count", part: "count" });
  const meter = h("p", { class: "meter", part: "meter" });
  const subjectMeter = h("p", { class: "meter over", part: "meter" });
  const actions = h("div", { class: "actions", role: "group", part: "actions" });
  /** Action elements by key, reused between refreshes so focus stays on a button. */
  let actionElements = new Map<string, HTMLElement>();
  let view: FillViewModel | undefined;

  const save = (values: Readonly<Record<string, string>>): void => {
    if (!writeValues(values)) host.say(TEXT.notSaved);
  };

  const copy = async (part: CopyPart): Promise<void> => {
    const copied = await copyText(view?.copy[part] ?? "");
    host.say(copyStatus(part, copied, TEXT));
    if (copied) {
      host.dispatchEvent(
        new CustomEvent("rk-copy", {
          bubbles: true,
          composed: true,
          detail: { template: template.slug, part },
        }),
      );
    } else {
      selectContents(message);
    }
  };

  /** Saved details that could not be read, kept apart: said, with a copy to take or delete. */
  const kept = (copy: KeptCopy): HTMLElement => {
    const words = TEXT.kept;
    const notice = h(
      "p",
      { class: "error", part: "error", role: "alert" },
      copy.newer ? words.newer : words.damaged,
      " ",
      h(
        "button",
        {
          type: "button",
          part: "button",
          onclick: () => {
            void copyText(copy.text).then((copied) => {
              host.say(copied ? words.copied : TEXT.copyFailed);
            });
          },
        },
        words.copy,
      ),
      " ",
      h(
        "button",
        {
          type: "button",
          class: "quiet",
          part: "button",
          onclick: () => {
            if (!confirm(words.removeQuestion)) return;
            dropKept(copy.key);
            notice.remove();
            host.say(words.removed);
          },
        },
        words.remove,
      ),
    );
    return notice;
  };

  const field = (control: FillControl): HTMLElement => {
    const input = controlElement(control);
    input.addEventListener("input", () => {
      save(setValue(readValues(), control.field, input.value));
    });
    controls.set(control.field, input);
    return h(
      "div",
      { class: "field", part: "field" },
      h(
        "label",
        { for: control.id, part: "label" },
        control.label,
        control.optional && h("span", { class: "opt" }, TEXT.optionalMark),
      ),
      h("span", { class: "hint", id: control.hintId, part: "hint" }, control.hint),
      input,
    );
  };

  /** One element per action, made once per key and updated in place afterwards. */
  const actionElement = (action: FillAction): HTMLElement => {
    const known = actionElements.get(action.key);
    switch (action.kind) {
      case "link": {
        const link =
          known instanceof HTMLAnchorElement
            ? known
            : h(
                "a",
                {
                  class: action.primary ? "button" : "button quiet",
                  part: "button",
                  target: action.newTab ? "_blank" : undefined,
                  rel: action.newTab ? "noopener noreferrer" : undefined,
                  onclick: () => {
                    host.dispatchEvent(
                      new CustomEvent("rk-open", {
                        bubbles: true,
                        composed: true,
                        detail: { template: template.slug, link: action.link },
                      }),
                    );
                  },
                },
                action.label,
              );
        link.href = action.href;
        return link;
      }
      case "unavailable": {
        const whyId = `rk-${action.key}-why`;
        const off =
          known instanceof HTMLSpanElement
            ? known
            : h(
                "span",
                { class: "off" },
                h(
                  "button",
                  { type: "button", disabled: true, "aria-describedby": whyId, part: "button" },
                  action.label,
                ),
                h("span", { id: whyId }),
              );
        const why = off.lastElementChild;
        if (why !== null) why.textContent = action.reason;
        return off;
      }
      case "copy":
        return (
          known ??
          h(
            "button",
            {
              type: "button",
              class: action.primary ? undefined : "quiet",
              part: "button",
              onclick: () => void copy(action.part),
            },
            action.label,
          )
        );
      default:
        // Not offered to this face (see ABILITIES).
        return h("span", {});
    }
  };

  const drawActions = (list: readonly FillAction[]): void => {
    const elements = new Map(list.map((action) => [action.key, actionElement(action)]));
    const same =
      elements.size === actionElements.size &&
      [...elements].every(([key, element]) => actionElements.get(key) === element);
    // Only a changed set is put back: replacing children would take focus off a button.
    if (!same) fill(actions, ...elements.values());
    actionElements = elements;
  };

  const fix = h(
    "p",
    {},
    TEXT.plainCharacters,
    h(
      "button",
      {
        type: "button",
        class: "quiet",
        part: "button",
        onclick: () => {
          save(withPlainCharacters(readValues()));
          host.say(TEXT.plainCharactersDone);
        },
      },
      TEXT.plainCharactersButton,
    ),
  );
  if (template.nodes.subject !== undefined)
    message.append(h("div", { class: "subject" }, h("span", {}, TEXT.subjectLabel), subject));
  message.append(body);
  actions.setAttribute("aria-label", TEXT.actionsLabel);

  const root = h(
    "div",
    {},
    h(
      "div",
      { part: "header" },
      h(`h${level}` as "h2", { class: "title", part: "title" }, template.title),
      h("p", { class: "summary", part: "summary" }, template.summary),
    ),
    h(
      "div",
      { class: "grid" },
      h(
        "form",
        {
          class: "col",
          part: "form",
          onsubmit: (event: Event) => {
            event.preventDefault();
          },
        },
        h(
          "fieldset",
          {},
          h("legend", {}, TEXT.detailsHeading),
          h("p", { class: "soft" }, TEXT.detailsLead),
          ...keptCopies().map(kept),
          ...form.required.map(field),
          form.optional.length > 0 &&
            h(
              "details",
              { open: form.optionalOpen },
              h("summary", {}, form.optionalSummary),
              ...form.optional.map(field),
            ),
        ),
      ),
      h(
        "div",
        { class: "col" },
        h(`h${Math.min(level + 1, 6)}` as "h3", { class: "subhead" }, TEXT.messageHeading),
        count,
        message,
        meter,
        subjectMeter,
        fix,
        actions,
      ),
    ),
  );

  const refresh = (): void => {
    const values = readValues();
    const focused = host.shadowRoot?.activeElement;
    for (const [id, input] of controls) {
      const value = getValue(values, id);
      // Never rewrite the box someone is typing in: a trailing space would vanish mid-word.
      if (input !== focused && input.value !== value) input.value = value;
    }
    view = fillView(template, values, navigator.language || template.locale, ABILITIES, TEXT);
    if (view.subject !== undefined) fill(subject, ...segmentNodes(view.subject));
    fill(body, ...segmentNodes(view.body));
    fill(
      count,
      h("strong", {}, view.count),
      view.countNote !== undefined && h("span", { class: "soft" }, view.countNote),
    );
    meter.hidden = view.meter === undefined;
    if (view.meter !== undefined) {
      meter.classList.toggle("over", view.meter.over);
      meter.textContent = view.meter.text;
    }
    subjectMeter.hidden = view.subjectOver === undefined;
    subjectMeter.textContent = view.subjectOver ?? "";
    fix.hidden = view.plainCharacters === undefined;
    drawActions(view.actions);
  };
  refresh();
  return { root, text: TEXT, refresh };
}

export class ReconnectTemplate extends HTMLElement {
  static readonly observedAttributes = [
    "template",
    "theme",
    "accent",
    "accent-dark",
    "radius",
    "heading-level",
  ];

  // dir: the widget's words are English whatever the page's direction (see widget-css.ts).
  readonly #frame = h("div", { class: "rk", part: "container", dir: "ltr" });
  readonly #content = h("div", {});
  readonly #status = h("p", { class: "status", role: "status", part: "status" });
  readonly #footer = h("p", { class: "foot", part: "footer" });
  readonly #footerLink = h("span", {});
  /** Labelled once a template (and with it the site's words) has loaded. */
  readonly #forget = h("button", { type: "button", class: "quiet", part: "button" });
  #view: Drawn | undefined;
  /** Made as loading starts, while the page's built-ins still work, so a failure can be shown. */
  #failed = problemMessage("failed", "");
  /** What is on screen: the slug and heading level it was drawn for. */
  #shown: string | undefined;
  #ticket = 0;
  #unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    adoptStyles(shadow);
    this.#forget.addEventListener("click", () => {
      forgetValues();
      this.say(this.#view?.text.forgotten ?? "");
    });
    this.#footer.append(this.#forget, this.#footerLink);
    this.#frame.append(this.#content, this.#status, this.#footer);
    shadow.append(this.#frame);
  }

  connectedCallback(): void {
    // Idempotent: moving the element around the page must not fetch or subscribe again.
    this.#unsubscribe ??= subscribe(() => {
      this.#refresh();
    });
    applyLook(this, this.#frame);
    // Back on the page after a move: details may have changed meanwhile.
    if (this.#shown !== this.#key()) void this.#load();
    else this.#refresh();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value || !this.isConnected) return;
    if (name === "template" || name === "heading-level") void this.#load();
    else applyLook(this, this.#frame);
  }

  /** Announce something in the status region (copy results, saving problems). */
  say(text: string): void {
    this.#status.textContent = text;
  }

  /** Redraws from the saved details; if the page broke something the core needs, says so. */
  #refresh(): void {
    try {
      this.#view?.refresh();
    } catch (error) {
      this.#fail(this.#failed, error);
    }
  }

  #fail(message: HTMLElement, error: unknown): void {
    this.#view = undefined;
    this.#footer.hidden = true;
    showFailure(this.#content, message, error);
  }

  #key(): string {
    return `${this.getAttribute("template") ?? ""}|${this.getAttribute("heading-level") ?? ""}`;
  }

  async #load(): Promise<void> {
    const ticket = ++this.#ticket;
    const slug = (this.getAttribute("template") ?? "").trim();
    this.#shown = this.#key();
    this.#view = undefined;
    this.say("");
    this.#footer.hidden = true;
    if (!SLUG.test(slug)) {
      fill(this.#content, problemMessage(slug === "" ? "missing" : "not-found", slug));
      return;
    }
    const failed = (this.#failed = problemMessage("failed", slug));
    fill(this.#content, problemMessage("loading", slug));
    // Everything from here may meet a bad answer, no answer, or a page that broke a built-in
    // the core uses; each ends in a message with a link to the template, never "Loading...".
    try {
      const url = templateUrl(slug);
      const template = asTemplateJson(await loadJson(url), url.href);
      if (ticket !== this.#ticket) return;
      this.#view = drawTemplate(this, template);
      fill(this.#content, this.#view.root);
      fill(this.#footerLink, siteLink(templatePagePath(slug), say(WORDS.openPage, SITE)));
      this.#forget.textContent = template.uiText.forget;
      this.#footer.hidden = false;
    } catch (error) {
      if (ticket !== this.#ticket) return;
      const notFound = error instanceof LoadError && error.problem === "not-found";
      this.#fail(notFound ? problemMessage("not-found", slug) : failed, error);
    }
  }
}
