/**
 * <reconnect-template template="slug">: one template with its fill-in form, live preview, limit
 * meter, copy buttons and mailto/sms links, rendered by the same src/lib core as the site.
 */
import { copyText, selectContents } from "../client/clipboard.ts";
import { placeholderFor, type FieldDefinition } from "../lib/fields.ts";
import { fillMessage, meterText, missingSummary, withPlainCharacters } from "../lib/message.ts";
import { getValue, MAX_VALUE_LENGTH, setValue } from "../lib/profile.ts";
import type { Segment } from "../lib/template/render.ts";
import { colorOf, headingLevelOf, lengthOf, themeOf } from "./attributes.ts";
import { asTemplateJson, LoadError, loadJson, siteRootFor, SLUG, type LoadProblem } from "./data.ts";
import { fill, h } from "./dom.ts";
import { forgetValues, readValues, subscribe, writeValues } from "./profile-sync.ts";
import { apiPaths, type TemplateJson } from "./schema.ts";
import { widgetSheet } from "./styles.ts";

/** The site this copy of widget.js belongs to, found from the script's own address. */
export const ROOT = siteRootFor(import.meta.url);

export type LinkKind = "mailto" | "sms" | "gmail" | "outlook";

export function adoptStyles(shadow: ShadowRoot): void {
  shadow.adoptedStyleSheets = [widgetSheet(__RK_ACCENT__, __RK_ACCENT_DARK__)];
}

/** Theme, accent and radius from the host's attributes onto the styled container. */
export function applyLook(host: HTMLElement, frame: HTMLElement): void {
  frame.dataset["theme"] = themeOf(host.getAttribute("theme"));
  const set = (name: string, value: string | undefined): void => {
    if (value === undefined) frame.style.removeProperty(name);
    else frame.style.setProperty(name, value);
  };
  set("--rk-accent", colorOf(host.getAttribute("accent")));
  set("--rk-radius", lengthOf(host.getAttribute("radius")));
}

export function siteLink(path: string, text: string): HTMLAnchorElement {
  return h(
    "a",
    { href: new URL(path, ROOT).href, target: "_blank", rel: "noopener", part: "link" },
    text,
    h("span", { class: "rk-vh" }, " (opens in a new tab)"),
  );
}

/**
 * The short message shown instead of a blank box, with a way to reach the template anyway.
 * An empty slug (the picker) points to the list of templates.
 */
export function problemMessage(problem: LoadProblem | "loading", slug: string): HTMLElement {
  const site = __RK_NAME__;
  const page = slug === "" ? apiPaths.templates() : apiPaths.page(slug);
  const [text, link] =
    problem === "loading"
      ? [
          slug === "" ? "Loading the templates... " : "Loading the template... ",
          siteLink(page, `Open it on ${site}`),
        ]
      : problem === "missing"
        ? [
            'This widget needs a template name, e.g. template="ask-for-a-reference-email". ',
            siteLink(apiPaths.templates(), `See the templates on ${site}`),
          ]
        : problem === "not-found"
          ? [
              `There is no template called "${slug}". `,
              siteLink(apiPaths.templates(), `See all templates on ${site}`),
            ]
          : [
              slug === "" ? "The templates could not load. " : "The template could not load. ",
              siteLink(page, `Open it on ${site}`),
            ];
  return problem === "loading"
    ? h("p", { class: "rk-note" }, text, link)
    : h("p", { class: "rk-error", part: "error" }, text, link);
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function control(field: FieldDefinition, hintId: string): Control {
  const common = {
    id: `rk-field-${field.id}`,
    name: field.id,
    "aria-describedby": hintId,
    part: "input",
  };
  switch (field.type) {
    case "longtext":
      return h("textarea", { ...common, rows: 4, maxlength: field.maxLength ?? MAX_VALUE_LENGTH });
    case "choice":
      return h(
        "select",
        common,
        h("option", { value: "" }, "Choose one"),
        ...(field.options ?? []).map((option) => h("option", { value: option }, option)),
      );
    default:
      return h("input", {
        ...common,
        type: field.type,
        maxlength: field.maxLength ?? MAX_VALUE_LENGTH,
        autocomplete:
          field.type === "email"
            ? "email"
            : field.type === "tel"
              ? "tel"
              : field.id === "yourName"
                ? "name"
                : "off",
      });
  }
}

function segmentNodes(
  segments: readonly Segment[],
  fields: ReadonlyMap<string, FieldDefinition>,
): (Node | string)[] {
  return segments.map((s) =>
    s.kind === "text"
      ? s.text
      : s.kind === "filled"
        ? h("span", { class: "rk-filled" }, s.text)
        : h("span", { class: "rk-missing" }, placeholderFor(fields.get(s.field), s.field)),
  );
}

/** The filled-in view of one template; refresh() redraws it from the saved details. */
class FillView {
  readonly root: HTMLElement;
  readonly #template: TemplateJson;
  readonly #host: ReconnectTemplate;
  readonly #fields: ReadonlyMap<string, FieldDefinition>;
  readonly #controls = new Map<string, Control>();
  readonly #message = h("div", { class: "rk-message", part: "message" });
  readonly #subject = h("div", { class: "rk-text", "data-part": "subject" });
  readonly #body = h("div", { class: "rk-text", "data-part": "body" });
  readonly #count = h("p", { class: "rk-count", part: "count" });
  readonly #meter = h("p", { class: "rk-meter", part: "meter", "data-meter": true });
  readonly #subjectMeter = h("p", { class: "rk-meter rk-over", part: "meter" });
  readonly #fix = h("p", { class: "rk-fix" });
  readonly #mailto = h(
    "a",
    { class: "rk-button", part: "button", "data-action": "mailto" },
    "Open in email app",
  );
  readonly #mailtoOff = h("span", { class: "rk-off" });
  readonly #mailtoWhy = h("span", { id: "rk-mailto-why" });
  readonly #gmail = h(
    "a",
    { class: "rk-button rk-quiet", part: "button", target: "_blank", rel: "noopener noreferrer" },
    "Gmail",
  );
  readonly #outlook = h(
    "a",
    { class: "rk-button rk-quiet", part: "button", target: "_blank", rel: "noopener noreferrer" },
    "Outlook",
  );
  readonly #sms = h("a", { class: "rk-button", part: "button", "data-action": "sms" }, "Open in Messages");
  #text = { full: "", subject: "", body: "" };

  constructor(host: ReconnectTemplate, template: TemplateJson) {
    this.#host = host;
    this.#template = template;
    this.#fields = new Map(template.fields.map((f) => [f.id, f]));
    const level = headingLevelOf(host.getAttribute("heading-level"));
    const required = template.fields.filter((f) => template.required.includes(f.id));
    const optional = template.fields.filter((f) => !template.required.includes(f.id));
    const isEmail = template.nodes.subject !== undefined;

    const copyButton = (label: string, quiet: boolean, part: "all" | "subject" | "body") =>
      h(
        "button",
        {
          type: "button",
          class: quiet ? "rk-quiet" : undefined,
          part: "button",
          onclick: () => void this.#copy(part),
        },
        label,
      );
    const opened = (link: LinkKind) => () => {
      host.dispatchEvent(
        new CustomEvent("rk-open", {
          bubbles: true,
          composed: true,
          detail: { template: template.slug, link },
        }),
      );
    };
    this.#mailto.addEventListener("click", opened("mailto"));
    this.#gmail.addEventListener("click", opened("gmail"));
    this.#outlook.addEventListener("click", opened("outlook"));
    this.#sms.addEventListener("click", opened("sms"));
    this.#mailtoOff.append(
      h(
        "button",
        { type: "button", disabled: true, "aria-describedby": "rk-mailto-why", part: "button" },
        "Open in email app",
      ),
      this.#mailtoWhy,
    );
    this.#fix.append(
      "Some characters in your details (curly quotes, long dashes or emoji) make this text cost more. ",
      h(
        "button",
        {
          type: "button",
          class: "rk-quiet",
          part: "button",
          onclick: () => {
            this.#save(withPlainCharacters(readValues()));
            host.say("Swapped in plain quotes and dashes.");
          },
        },
        "Use plain characters",
      ),
    );
    if (isEmail)
      this.#message.append(h("div", { class: "rk-subject" }, h("span", {}, "Subject: "), this.#subject));
    this.#message.append(this.#body);

    const channel = template.channel.id;
    const actions = h(
      "div",
      { class: "rk-actions", role: "group", "aria-label": "Copy or send the message", part: "actions" },
      ...(isEmail
        ? [
            copyButton("Copy all", false, "all"),
            copyButton("Copy subject", true, "subject"),
            copyButton("Copy message only", true, "body"),
            this.#mailto,
            this.#mailtoOff,
            this.#gmail,
            this.#outlook,
          ]
        : [copyButton("Copy message", false, "body"), channel === "text" && this.#sms]),
    );

    this.root = h(
      "div",
      {},
      h(
        "div",
        { class: "rk-head", part: "header" },
        h(`h${level}` as "h2", { class: "rk-title", part: "title" }, template.title),
        h("p", { class: "rk-summary", part: "summary" }, template.summary),
      ),
      h(
        "div",
        { class: "rk-grid" },
        h(
          "form",
          {
            class: "rk-col",
            part: "form",
            onsubmit: (event: Event) => {
              event.preventDefault();
            },
          },
          h(
            "fieldset",
            {},
            h("legend", {}, "Your details"),
            h(
              "p",
              { class: "rk-soft" },
              "Type them once and every template fills in. They stay on this device.",
            ),
            ...required.map((f) => this.#field(f, false)),
            optional.length > 0 &&
              h(
                "details",
                { open: required.length === 0 },
                h("summary", {}, `Optional details (${optional.length})`),
                ...optional.map((f) => this.#field(f, true)),
              ),
          ),
        ),
        h(
          "div",
          { class: "rk-col" },
          h(`h${Math.min(level + 1, 6)}` as "h3", { class: "rk-subhead" }, "The message"),
          this.#count,
          this.#message,
          this.#meter,
          this.#subjectMeter,
          this.#fix,
          actions,
        ),
      ),
    );
    this.refresh();
  }

  #field(field: FieldDefinition, optional: boolean): HTMLElement {
    const hintId = `rk-hint-${field.id}`;
    const input = control(field, hintId);
    input.addEventListener("input", () => {
      this.#save(setValue(readValues(), field.id, input.value));
    });
    this.#controls.set(field.id, input);
    return h(
      "div",
      { class: "rk-field", part: "field" },
      h(
        "label",
        { for: input.id, part: "label" },
        field.label,
        optional && h("span", { class: "rk-opt" }, " (optional)"),
      ),
      h("span", { class: "rk-hint", id: hintId, part: "hint" }, field.hint),
      input,
    );
  }

  #save(values: Readonly<Record<string, string>>): void {
    if (!writeValues(values))
      this.#host.say(
        "Your browser is not letting this page save. Your details will be kept until you leave.",
      );
  }

  async #copy(part: "all" | "subject" | "body"): Promise<void> {
    const [text, what] =
      part === "all"
        ? [this.#text.full, "subject and message"]
        : part === "subject"
          ? [this.#text.subject, "subject"]
          : [this.#text.body, "message"];
    if (await copyText(text, document)) {
      this.#host.say(`Copied the ${what}.`);
      this.#host.dispatchEvent(
        new CustomEvent("rk-copy", {
          bubbles: true,
          composed: true,
          detail: { template: this.#template.slug, part },
        }),
      );
    } else {
      selectContents(this.#message);
      this.#host.say(
        "Copying did not work here. The message is selected: press Ctrl+C, or long-press and choose Copy.",
      );
    }
  }

  refresh(): void {
    const values = readValues();
    const focused = this.#host.shadowRoot?.activeElement;
    for (const [id, input] of this.#controls) {
      const value = getValue(values, id);
      // Never rewrite the box someone is typing in: a trailing space would vanish mid-word.
      if (input !== focused && input.value !== value) input.value = value;
    }
    const t = this.#template;
    const message = fillMessage(
      { channel: t.channel, subject: t.nodes.subject, body: t.nodes.body },
      t.fields,
      values,
      navigator.language || t.locale,
    );
    this.#text = { full: message.fullText, subject: message.subject ?? "", body: message.body };
    if (message.subjectSegments !== undefined)
      fill(this.#subject, ...segmentNodes(message.subjectSegments, this.#fields));
    fill(this.#body, ...segmentNodes(message.bodySegments, this.#fields));
    fill(
      this.#count,
      h("strong", {}, missingSummary(message.missing.length)),
      message.missing.length > 0 && h("span", { class: "rk-soft" }, " (shown in [brackets])"),
    );

    const meter = message.meter;
    this.#meter.hidden = meter === undefined;
    if (meter !== undefined) {
      this.#meter.classList.toggle("rk-over", !meter.withinLimit);
      const source = t.channel.limit?.source;
      this.#meter.textContent = `${meter.withinLimit ? "Fits: " : "Too long: "}${meterText(meter, t.channel)}${
        !meter.withinLimit && source !== undefined ? ` (${source}.)` : ""
      }`;
    }
    const subjectMeter = message.subjectMeter;
    this.#subjectMeter.hidden = subjectMeter === undefined || subjectMeter.withinLimit;
    if (subjectMeter !== undefined)
      this.#subjectMeter.textContent = `Subject too long: ${subjectMeter.summary}`;
    this.#fix.hidden = !message.canUsePlainCharacters;

    const { mailto, gmail, outlook, sms } = message.links;
    this.#mailto.hidden = mailto?.ok !== true;
    this.#mailtoOff.hidden = mailto?.ok !== false;
    if (mailto?.ok === true) this.#mailto.href = mailto.href;
    if (mailto?.ok === false) this.#mailtoWhy.textContent = mailto.reason;
    if (gmail !== undefined) this.#gmail.href = gmail;
    if (outlook !== undefined) this.#outlook.href = outlook;
    if (sms !== undefined) this.#sms.href = sms;
  }
}

export class ReconnectTemplate extends HTMLElement {
  static readonly observedAttributes = ["template", "theme", "accent", "radius", "heading-level"];

  readonly #frame = h("div", { class: "rk", part: "container" });
  readonly #content = h("div", {});
  readonly #status = h("p", { class: "rk-status", role: "status", part: "status" });
  readonly #footer = h("p", { class: "rk-foot", part: "footer" });
  readonly #footerLink = h("span", {});
  #view: FillView | undefined;
  /** What is on screen: the slug and heading level it was drawn for. */
  #shown: string | undefined;
  #ticket = 0;
  #unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    adoptStyles(shadow);
    this.#footer.append(
      h(
        "button",
        {
          type: "button",
          class: "rk-quiet",
          part: "button",
          onclick: () => {
            forgetValues();
            this.say("Your details were removed from this device.");
          },
        },
        "Forget my details",
      ),
      this.#footerLink,
    );
    this.#frame.append(this.#content, this.#status, this.#footer);
    shadow.append(this.#frame);
  }

  connectedCallback(): void {
    // Idempotent: moving the element around the page must not fetch or subscribe again.
    this.#unsubscribe ??= subscribe(() => this.#view?.refresh());
    applyLook(this, this.#frame);
    // Back on the page after a move: details may have changed meanwhile.
    if (this.#shown !== this.#key()) void this.#load();
    else this.#view?.refresh();
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
    fill(this.#content, problemMessage("loading", slug));
    let template: TemplateJson;
    try {
      const url = new URL(apiPaths.template(slug), ROOT);
      template = asTemplateJson(await loadJson(url), url.href);
    } catch (error) {
      if (ticket !== this.#ticket) return;
      fill(this.#content, problemMessage(error instanceof LoadError ? error.problem : "failed", slug));
      return;
    }
    if (ticket !== this.#ticket) return;
    this.#view = new FillView(this, template);
    fill(this.#content, this.#view.root);
    fill(this.#footerLink, siteLink(template.page, `Open this template on ${__RK_NAME__}`));
    this.#footer.hidden = false;
  }
}
