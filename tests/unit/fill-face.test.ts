/**
 * The template page's fill-in face (src/lib/fill/face.ts): what a reader gets as HTML before any
 * script runs, and what the browser redraws as the details change. The face decides nothing
 * itself; these tests hold it to drawing what fillView and the state say, and nothing else.
 */
import { describe, expect, test } from "vitest";
import { fillableTemplate } from "../../src/lib/api/fillable.ts";
import type { FieldDefinition } from "../../src/lib/fields.ts";
import {
  actionsMarkup,
  fillerMarkup,
  fillInData,
  liveMarkup,
  type FillerProps,
  type FillerState,
} from "../../src/lib/fill/face.ts";
import { fillView, pageActions } from "../../src/lib/fill/view.ts";
import type { TemplateInfo } from "../../src/lib/library.ts";
import { toHtml } from "../../src/lib/markup.ts";
import type { ProfileValues } from "../../src/lib/profile.ts";
import { FILL_TEXT_EN, PEOPLE_TEXT_EN } from "../../src/lib/ui-text.ts";
import type { ChannelId } from "../../src/lib/vocabulary.ts";

const field = (id: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id,
  label: `Label ${id}`,
  hint: `Hint ${id}`,
  example: "x",
  type: "text",
  ...extra,
});
const FIELDS = [
  field("yourName"),
  field("theirName"),
  field("theirEmail", { type: "email" }),
  field("theirPhone", { type: "tel" }),
  field("notes", { type: "longtext" }),
];

function propsFor(channel: ChannelId, body: string, subject?: string): FillerProps {
  const info: TemplateInfo = {
    slug: "hello",
    title: "Hello",
    summary: "A hello.",
    channel,
    situation: "reference",
    tactic: "reach-out-directly",
    tone: "warm",
    need: "ask",
    body,
    ...(subject === undefined ? {} : { subject }),
  };
  return {
    template: fillableTemplate(info, FIELDS),
    text: FILL_TEXT_EN,
    locale: "en-US",
    people: PEOPLE_TEXT_EN,
    personFields: ["theirName", "theirEmail", "theirPhone"],
    serves: [{ step: "asked", label: "Asked" }],
  };
}

function stateFor(props: FillerProps, values: ProfileValues, extra: Partial<FillerState> = {}): FillerState {
  const ready = extra.ready ?? true;
  const abilities = { share: false, print: true, download: true };
  return {
    ready,
    values,
    people: [],
    chosen: "",
    view: fillView(props.template, values, "en-US", pageActions(abilities), FILL_TEXT_EN),
    markable: false,
    ...extra,
  };
}

const EMAIL = propsFor(
  "email",
  "Hi {{theirName}}, it's {{yourName}}.{{#notes}} {{notes}}{{/notes}}",
  "Hello {{theirName}}",
);
const TEXT = propsFor("text", "Hi {{theirName}}, it's {{yourName}}.");

describe("before the script runs (the build's HTML)", () => {
  const html = toHtml(fillerMarkup(EMAIL, stateFor(EMAIL, {}, { ready: false })));

  test("the form is shown but not usable, since nothing typed could be kept", () => {
    expect(html).toContain("<fieldset disabled>");
    expect(html).toMatch(/<p hidden data-forget>/);
  });

  test("every detail the message uses has a labelled control, described by its hint", () => {
    for (const id of ["yourName", "theirName", "theirEmail", "notes"]) {
      expect(html).toContain(`<label for="rk-field-${id}">Label ${id}`);
      expect(html).toMatch(new RegExp(`id="rk-field-${id}" name="${id}" aria-describedby="rk-hint-${id}"`));
    }
    expect(html).toContain("<textarea");
  });

  test("the message shows every detail still to fill as its placeholder, and offers no action yet", () => {
    expect(html).toContain('data-message-part="subject"');
    expect(html).toContain('<span class="missing">[Label theirName]</span>');
    expect(html).not.toContain('class="actions"');
    expect(html).toContain('<p class="status"><span role="status"></span></p>');
  });
});

describe("as details are typed", () => {
  test("typed text stays text, in the preview and in the controls", () => {
    const values = { theirName: "<b>Ana</b>", notes: "</textarea><script>x()</script>" };
    const html = toHtml(fillerMarkup(EMAIL, stateFor(EMAIL, values)));
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<span class="filled">&lt;b&gt;Ana&lt;/b&gt;</span>');
    expect(html).toContain('value="&lt;b&gt;Ana&lt;/b&gt;"');
  });

  test.each([
    ["email", EMAIL, "mailto", "Open in email app"],
    ["text", TEXT, "copy-body", "Copy message"],
  ])(
    "an %s's primary action comes first, then Mark as sent when a step is due",
    (_channel, props, key, label) => {
      const html = toHtml(actionsMarkup(props, stateFor(props, { theirName: "Ana" }, { markable: true })));
      const first = /<div class="actions" role="group" aria-label="[^"]+">(<a|<button)([^>]*)>([^<]*)</.exec(
        html,
      );
      expect(first?.[3]).toBe(label);
      expect(first?.[2]).toContain(key === "mailto" ? 'data-action="mailto"' : `data-act="${key}"`);
      expect(html.indexOf('data-act="mark"')).toBeGreaterThan(html.indexOf(label));
    },
  );

  test("Mark as sent is offered only when the chosen person has a step this message serves", () => {
    const off = toHtml(actionsMarkup(TEXT, stateFor(TEXT, {}, { markable: false })));
    expect(off).not.toContain(PEOPLE_TEXT_EN.markSent);
  });

  test("the count says how many details are left, and when none are", () => {
    expect(toHtml(liveMarkup(TEXT, stateFor(TEXT, {})))).toContain("<strong>2 details left</strong>");
    expect(toHtml(liveMarkup(TEXT, stateFor(TEXT, { theirName: "A", yourName: "B" })))).toContain(
      `<strong>${FILL_TEXT_EN.allFilled}</strong>`,
    );
  });

  test("a text shows its meter line", () => {
    expect(toHtml(liveMarkup(TEXT, stateFor(TEXT, { theirName: "Ana" })))).toMatch(
      /<p class="meter" data-meter>Fits: /,
    );
  });
});

describe("who it is to", () => {
  test("the people kept are offered, with the chosen one selected; someone new otherwise", () => {
    const people = [
      { id: "p1", name: "Ana" },
      { id: "p2", name: "Ben" },
    ];
    const chosen = toHtml(fillerMarkup(TEXT, stateFor(TEXT, {}, { people, chosen: "p2" })));
    expect(chosen).toContain(`<option value="">${PEOPLE_TEXT_EN.someoneNew}</option>`);
    expect(chosen).toContain('<option value="p2" selected>Ben</option>');
    expect(chosen).toContain('<option value="p1">Ana</option>');
    const fresh = toHtml(fillerMarkup(TEXT, stateFor(TEXT, {}, { people })));
    expect(fresh).toContain(`<option value="" selected>${PEOPLE_TEXT_EN.someoneNew}</option>`);
  });
});

describe("what the page sends the browser (fillInData)", () => {
  const values = { theirName: "Ana", notes: "Lunch soon?" };
  const data = fillInData(EMAIL);
  const abilities = { share: false, print: true, download: true };

  test("fills the message exactly as the full template does", () => {
    expect(fillView(data.template, values, "en-US", pageActions(abilities), FILL_TEXT_EN)).toEqual(
      fillView(EMAIL.template, values, "en-US", pageActions(abilities), FILL_TEXT_EN),
    );
  });

  test("names every control the build drew, with the rules a linked value is held to", () => {
    const { form } = EMAIL.template;
    expect(data.template.controls.map((c) => c.id)).toEqual(
      [...form.required, ...form.optional].map((c) => c.id),
    );
    expect(data.template.controls.find((c) => c.field === "notes")).toMatchObject({ element: "textarea" });
  });

  test("leaves out what the page already shows: hints, examples and the form's labels", () => {
    const json = JSON.stringify(data);
    expect(json).not.toContain("Hint ");
    expect(json).not.toContain('"example"');
    expect(json).not.toContain(EMAIL.template.form.optionalSummary);
  });
});
