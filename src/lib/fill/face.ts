/**
 * The template page's fill-in face, as markup (src/lib/markup.ts): the form, the live preview,
 * the meter, the actions and the status line, for the details shown now. The page writes it as
 * HTML at build time (src/components/FillIn.astro) and the browser redraws its regions from the
 * same functions (src/client/fill-in.ts), so there is one description of what a reader sees.
 *
 * No handlers here: buttons carry `data-act` and controls their field's name, and the page
 * listens on the face's root. Every decision (the preview, the count, the actions) is fillView's.
 */
import type { FillableTemplate } from "../api/schema.ts";
import { el, type Markup, type MarkupElement } from "../markup.ts";
import { getValue, type ProfileValues } from "../profile.ts";
import type { FillText, PeopleText } from "../ui-text.ts";
import type { ReferenceStep } from "../vocabulary.ts";
import type { FillControl } from "./form.ts";
import type { MessageField } from "./message.ts";
import type { QueryControl } from "./query.ts";
import {
  fillView,
  pageActions,
  type CopyPart,
  type FillAction,
  type FillView,
  type PreviewSegment,
} from "./view.ts";

export interface FillerProps {
  /** Its form was made at build time (fillableTemplate), so those rules are not in the bundle. */
  readonly template: FillableTemplate;
  readonly text: FillText;
  /** Locale for dates before the browser's own is known (the build). */
  readonly locale: string;
  readonly people: PeopleText;
  /** Every field about the person written to (`about: them` in the registry). */
  readonly personFields: readonly string[];
  /** The reference steps this message is for (the planner's, plan.ts), with their labels. */
  readonly serves: readonly { readonly step: ReferenceStep; readonly label: string }[];
}

/** The words the face's regions say: the fill-in's and the people's. */
export type FaceWords = Pick<FillerProps, "text" | "people">;

/**
 * What the browser needs to redraw the face the build wrote: the template as filling reads it
 * (fillView: its nodes, channel and fields' labels and types), each control's id and the rules a
 * linked value is held to, and the words. Labels, hints and examples are in the page already, so
 * they are not sent again (a template page's data was twice this size).
 */
export interface FillInData extends FaceWords {
  readonly template: Pick<FillableTemplate, "slug" | "channel" | "nodes"> & {
    readonly fields: readonly MessageField[];
    readonly controls: readonly (QueryControl & Pick<FillControl, "id">)[];
  };
  readonly locale: string;
  readonly personFields: readonly string[];
  readonly serves: FillerProps["serves"];
}

export function fillInData({
  template,
  text,
  locale,
  people,
  personFields,
  serves,
}: FillerProps): FillInData {
  const { slug, channel, nodes, fields, form } = template;
  return {
    template: {
      slug,
      channel,
      nodes,
      fields: fields.map(({ id, label, type }) => ({ id, label, type })),
      controls: [...form.required, ...form.optional].map(
        ({ id, field, element, type, options, maxLength }) => ({
          id,
          field,
          element,
          ...(type === undefined ? {} : { type }),
          ...(options === undefined ? {} : { options }),
          ...(maxLength === undefined ? {} : { maxLength }),
        }),
      ),
    },
    text,
    locale,
    people,
    personFields,
    serves,
  };
}

/** What the face shows now. Before `ready` (the build, or storage not read yet) it only shows. */
export interface FillerState {
  readonly ready: boolean;
  readonly values: ProfileValues;
  /** The people to choose from, and the chosen one's id ("" for someone new). */
  readonly people: readonly { readonly id: string; readonly name: string }[];
  readonly chosen: string;
  readonly view: FillView;
  /** A next step of the chosen person's that this message serves: "Mark as sent" is offered. */
  readonly markable: boolean;
}

/**
 * What a reader sees before the script runs (or without it): the message with every detail
 * still to fill, and the form shown but not yet usable, since nothing typed could be kept.
 */
export function unreadyState({ template, text, locale }: FillerProps): FillerState {
  return {
    ready: false,
    values: {},
    people: [],
    chosen: "",
    view: fillView(template, {}, locale, pageActions({ share: false, print: true, download: true }), text),
    markable: false,
  };
}

/** What a button's `data-act` names: a FillAction's key (view.ts), or one of the face's own. */
export type FaceAct = `copy-${CopyPart}` | "share" | "print" | "download" | "mark" | "forget" | "plain";

function segments(list: readonly PreviewSegment[]): Markup[] {
  return list.map((s) => (s.kind === "text" ? s.text : el("span", { class: s.kind }, s.text)));
}

function control(c: FillControl, value: string, text: FillText): MarkupElement {
  const common = { id: c.id, name: c.field, "aria-describedby": c.hintId, maxlength: c.maxLength };
  return el(
    "div",
    { class: "field" },
    el("label", { for: c.id }, c.label, c.optional && el("span", { class: "optional" }, text.optionalMark)),
    el("span", { class: "hint", id: c.hintId }, c.hint),
    c.element === "textarea"
      ? el("textarea", { ...common, rows: c.rows }, value)
      : c.element === "select"
        ? el(
            "select",
            common,
            el("option", { value: "", selected: value === "" }, c.placeholder ?? ""),
            ...(c.options ?? []).map((option) => el("option", { selected: option === value }, option)),
          )
        : el("input", { ...common, type: c.type, autocomplete: c.autocomplete, value }),
  );
}

/** Who the message is to: someone new, or one of the people kept. */
export function writingToMarkup(state: FillerState, people: PeopleText): MarkupElement {
  return el(
    "select",
    { id: "rk-writing-to" },
    el("option", { value: "", selected: state.chosen === "" }, people.someoneNew),
    ...state.people.map((p) => el("option", { value: p.id, selected: p.id === state.chosen }, p.name)),
  );
}

/** The count, the preview, the meter lines and the plain-characters fix: what each key redraws. */
export function liveMarkup({ text }: FaceWords, { view, ready }: FillerState): MarkupElement {
  return el(
    "div",
    { class: "filler-live" },
    el(
      "p",
      { class: "count" },
      el("strong", {}, view.count),
      view.countNote !== undefined && el("span", { class: "soft" }, view.countNote),
    ),
    el(
      "div",
      { class: "message" },
      view.subject &&
        el(
          "div",
          { class: "message-part message-subject" },
          el("span", { class: "message-label" }, text.subjectLabel),
          el("div", { class: "message-text", "data-message-part": "subject" }, ...segments(view.subject)),
        ),
      el(
        "div",
        { class: "message-part message-body" },
        el("div", { class: "message-text", "data-message-part": "body" }, ...segments(view.body)),
      ),
    ),
    view.meter &&
      el("p", { class: view.meter.over ? "meter meter-over" : "meter", "data-meter": true }, view.meter.text),
    view.subjectOver !== undefined && el("p", { class: "meter meter-over" }, view.subjectOver),
    ready &&
      view.plainCharacters &&
      el(
        "p",
        { class: "meter-fix" },
        view.plainCharacters.text,
        el(
          "button",
          { type: "button", class: "button-quiet", "data-act": "plain" },
          view.plainCharacters.button,
        ),
      ),
  );
}

function actionButton(action: FillAction): MarkupElement {
  switch (action.kind) {
    case "link":
      return el(
        "a",
        {
          class: action.primary ? "button" : "button button-quiet",
          href: action.href,
          "data-action": action.link,
          target: action.newTab ? "_blank" : undefined,
          rel: action.newTab ? "noopener noreferrer" : undefined,
        },
        action.label,
      );
    case "unavailable":
      return el(
        "span",
        { class: "action-off" },
        el(
          "button",
          { type: "button", disabled: true, "aria-describedby": `${action.key}-why` },
          action.label,
        ),
        el("span", { id: `${action.key}-why` }, action.reason),
      );
    default:
      return el(
        "button",
        {
          type: "button",
          class: action.kind === "copy" && action.primary ? undefined : "button-quiet",
          "data-act": action.key,
        },
        action.label,
      );
  }
}

/** The actions for the channel, the primary one first, and Mark as sent beside it. */
export function actionsMarkup({ people }: FaceWords, { view, ready, markable }: FillerState): MarkupElement {
  const [primary, ...more] = view.actions;
  return el(
    "div",
    { "data-actions": true },
    ready &&
      primary &&
      el(
        "div",
        { class: "actions", role: "group", "aria-label": view.actionsLabel },
        actionButton(primary),
        markable &&
          el("button", { type: "button", class: "button-quiet", "data-act": "mark" }, people.markSent),
        el("div", { class: "more-actions" }, ...more.map(actionButton)),
      ),
  );
}

export function fillerMarkup(props: FillerProps, state: FillerState): MarkupElement {
  const { template, text, people } = props;
  const { form } = template;
  const controls = (list: readonly FillControl[]) =>
    list.map((c) => control(c, getValue(state.values, c.field), text));
  return el(
    "div",
    { class: `filler filler-${template.channel.id}` },
    el(
      "form",
      { class: "filler-form", "aria-labelledby": "details-heading" },
      el("h2", { id: "details-heading" }, text.detailsHeading),
      el("p", { class: "soft" }, text.detailsLead),
      // Saved data the page could not read is reported here (src/client/kept-notice.ts).
      el("div", { "data-kept": true }),
      el(
        "fieldset",
        { disabled: !state.ready },
        el("legend", { class: "visually-hidden" }, text.detailsLegend),
        el(
          "div",
          { class: "field writing-to" },
          el("label", { for: "rk-writing-to" }, people.writingTo),
          writingToMarkup(state, people),
        ),
        ...controls(form.required),
        form.optional.length > 0 &&
          el(
            "details",
            { class: "optional-fields", open: form.optionalOpen },
            el("summary", {}, form.optionalSummary),
            ...controls(form.optional),
          ),
      ),
      el(
        "p",
        { hidden: !state.ready, "data-forget": true },
        el("button", { type: "button", class: "button-quiet", "data-act": "forget" }, text.forget),
      ),
    ),
    el(
      "section",
      { class: "filler-output", "aria-labelledby": "message-heading" },
      el("h2", { id: "message-heading" }, text.messageHeading),
      liveMarkup(props, state),
      actionsMarkup(props, state),
      // Filled, with Undo when it applies, by src/client/status-line.ts.
      el("p", { class: "status" }, el("span", { role: "status" })),
    ),
  );
}
