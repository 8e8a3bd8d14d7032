import { describe, expect, test } from "vitest";
import { CHANNELS } from "../../src/lib/channels.ts";
import type { FieldDefinition } from "../../src/lib/fields.ts";
import { fillControl, fillForm } from "../../src/lib/fill/form.ts";
import {
  copyStatus,
  downloadName,
  fillView,
  pageActions,
  type FaceAbilities,
} from "../../src/lib/fill/view.ts";
import { MAX_VALUE_LENGTH } from "../../src/lib/profile.ts";
import { parseTemplate } from "../../src/lib/template/index.ts";
import { FILL_TEXT_EN as TEXT, say, sayCount } from "../../src/lib/ui-text.ts";
import type { ChannelId } from "../../src/lib/vocabulary.ts";

const field = (id: string, type: FieldDefinition["type"], extra: Partial<FieldDefinition> = {}) => ({
  id,
  label: `Label ${id}`,
  hint: `Hint ${id}`,
  example: "x",
  type,
  ...extra,
});

const FIELDS: FieldDefinition[] = [
  field("yourName", "text", { maxLength: 80 }),
  field("theirName", "text"),
  field("yourEmail", "email"),
  field("theirEmail", "email"),
  field("yourPhone", "tel"),
  field("neededBy", "date"),
  field("notes", "longtext", { maxLength: 600 }),
  field("referenceType", "choice", { options: ["a call", "a letter"] }),
];

const ALL: FaceAbilities = { share: true, print: true, download: true };
const NONE: FaceAbilities = { share: false, print: false, download: false };

describe("fillControl: one rule per attribute, for every face", () => {
  test.each([
    ["yourName", "input", "text", 80, "name"],
    ["theirName", "input", "text", MAX_VALUE_LENGTH, "off"],
    ["yourEmail", "input", "email", MAX_VALUE_LENGTH, "email"],
    // Autocomplete is keyed by field id: their email is never offered yours.
    ["theirEmail", "input", "email", MAX_VALUE_LENGTH, "off"],
    ["yourPhone", "input", "tel", MAX_VALUE_LENGTH, "tel"],
    // HTML allows maxlength on text-like controls only.
    ["neededBy", "input", "date", undefined, "off"],
    ["notes", "textarea", undefined, 600, undefined],
    ["referenceType", "select", undefined, undefined, undefined],
  ])("%s: <%s type=%s maxlength=%s autocomplete=%s>", (id, element, type, maxLength, autocomplete) => {
    const definition = FIELDS.find((f) => f.id === id);
    if (definition === undefined) throw new Error(id);
    const control = fillControl(definition, false, TEXT);
    expect(control).toMatchObject({ field: id, id: `rk-field-${id}`, hintId: `rk-hint-${id}`, element });
    expect(control.type).toBe(type);
    expect(control.maxLength).toBe(maxLength);
    expect(control.autocomplete).toBe(autocomplete);
  });

  test("a choice starts with an empty 'Choose one' and lists its options in order", () => {
    const control = fillControl(FIELDS[7] as FieldDefinition, true, TEXT);
    expect(control.placeholder).toBe("Choose one");
    expect(control.options).toEqual(["a call", "a letter"]);
  });
});

describe("fillForm", () => {
  test("required first, then optional, each in the order given, with the summary counted", () => {
    const form = fillForm(FIELDS, ["theirName", "yourName"], TEXT);
    expect(form.required.map((c) => c.field)).toEqual(["yourName", "theirName"]);
    expect(form.optional.map((c) => c.field)).toEqual(FIELDS.slice(2).map((f) => f.id));
    expect(form.optional.every((c) => c.optional)).toBe(true);
    expect(form.optionalSummary).toBe("Optional details (6)");
    expect(form.optionalOpen).toBe(false);
  });

  test("optional details start open when nothing is required", () => {
    expect(fillForm(FIELDS.slice(0, 2), [], TEXT).optionalOpen).toBe(true);
  });
});

function template(channel: ChannelId, body: string, subject?: string) {
  return {
    slug: "a-template",
    channel: CHANNELS[channel],
    nodes:
      subject === undefined
        ? { body: parseTemplate(body) }
        : { subject: parseTemplate(subject), body: parseTemplate(body) },
    fields: FIELDS,
  };
}

const email = template("email", "Hi {{theirName}},\n{{yourName}}", "A favor, {{theirName}}");
const text = template("text", "Hi {{theirName}}, it's {{yourName}}");
const note = template("note", "Dear {{theirName}}, thank you. {{yourName}}");
const invitation = template("linkedin-note", "Hi {{theirName}}");

const kinds = (view: ReturnType<typeof fillView>) => view.actions.map((a) => a.key);

describe("fillView: the actions each channel offers", () => {
  test.each([
    [
      "email",
      email,
      ALL,
      ["mailto", "copy-all", "copy-subject", "copy-body", "gmail", "outlook", "print", "download"],
    ],
    ["email, widget", email, NONE, ["mailto", "copy-all", "copy-subject", "copy-body", "gmail", "outlook"]],
    ["text", text, ALL, ["copy-body", "sms", "share", "print", "download"]],
    ["text, no share sheet", text, { ...ALL, share: false }, ["copy-body", "sms", "print", "download"]],
    ["text, widget", text, NONE, ["copy-body", "sms"]],
    ["note", note, ALL, ["copy-body", "print", "download"]],
    [
      "linkedin note: LinkedIn opens beside the copied text",
      invitation,
      ALL,
      ["copy-body", "app", "print", "download"],
    ],
  ])("%s", (_name, t, abilities, expected) => {
    expect(kinds(fillView(t, {}, "en-US", pageActions(abilities), TEXT))).toEqual(expected);
  });

  test.each([
    ["email: Open in email app", email, "mailto"],
    ["text: Copy", text, "copy-body"],
    ["note: Copy", note, "copy-body"],
    ["linkedin note: Copy", invitation, "copy-body"],
  ])("one primary action, first: %s", (_name, t, expected) => {
    const view = fillView(t, { theirName: "Dan" }, "en-US", pageActions(ALL), TEXT);
    const primary = view.actions.filter((a) => "primary" in a && a.primary).map((a) => a.key);
    expect(primary).toEqual([expected]);
    expect(view.actions[0]?.key).toBe(expected);
  });

  test("an email too long for a mailto link: Copy all is the primary action", () => {
    const view = fillView(email, { theirName: "x".repeat(2000) }, "en-US", pageActions(ALL), TEXT);
    expect(view.actions.filter((a) => "primary" in a && a.primary).map((a) => a.key)).toEqual(["copy-all"]);
  });

  test("web mail and the platforms' own sites open in a new tab, apps in place", () => {
    for (const t of [email, text, invitation])
      for (const action of fillView(t, {}, "en-US", pageActions(ALL), TEXT).actions)
        if (action.kind === "link")
          expect(action.newTab, action.key).toBe(["gmail", "outlook", "app"].includes(action.link));
  });

  test("the person's email and number address the links", () => {
    const values = { theirEmail: "dan@example.com", theirPhone: "+1 (555) 010-2000" };
    const mail = fillView(email, values, "en-US", pageActions(ALL), TEXT).actions.find(
      (a) => a.key === "mailto",
    );
    expect(mail?.kind === "link" && mail.href).toMatch(/^mailto:dan@example\.com\?/);
    const sms = fillView(text, values, "en-US", pageActions(ALL), TEXT).actions.find((a) => a.key === "sms");
    expect(sms?.kind === "link" && sms.href).toMatch(/^sms:\+15550102000\?/);
  });

  test("a note prints as a card", () => {
    const print = fillView(note, {}, "en-US", pageActions(ALL), TEXT).actions.find((a) => a.kind === "print");
    expect(print?.label).toBe("Print as a card");
  });

  test("a mailto past its budget becomes an unavailable action with the reason", () => {
    const view = fillView(email, { theirName: "x".repeat(2000) }, "en-US", pageActions(ALL), TEXT);
    const off = view.actions.find((a) => a.key === "mailto");
    expect(off).toMatchObject({ kind: "unavailable", label: "Open in email app" });
    expect(off?.kind === "unavailable" && off.reason).toMatch(/too long/);
  });
});

describe("fillView: preview, counts and meter", () => {
  test.each([
    [{}, "2 details left", " (shown in [brackets])"],
    [{ theirName: "Dan" }, "1 detail left", " (shown in [brackets])"],
    [{ theirName: "Dan", yourName: "Maya" }, "All details filled in", undefined],
  ])("%j: %s", (values, count, note) => {
    const view = fillView(text, values, "en-US", pageActions(ALL), TEXT);
    expect(view.count).toBe(count);
    expect(view.countNote).toBe(note);
  });

  test("missing fields show their placeholder; filled ones their value", () => {
    const view = fillView(email, { theirName: "Dan" }, "en-US", pageActions(ALL), TEXT);
    expect(view.subject).toEqual([
      { kind: "text", text: "A favor, " },
      { kind: "filled", text: "Dan" },
    ]);
    expect(view.body).toContainEqual({ kind: "missing", text: "[Label yourName]" });
    expect(view.copy).toEqual({
      all: "Subject: A favor, Dan\n\nHi Dan,\n[Label yourName]",
      subject: "A favor, Dan",
      body: "Hi Dan,\n[Label yourName]",
    });
    expect(downloadName(email)).toBe("a-template.txt");
  });

  test.each([
    [
      "linkedin-note",
      invitation,
      { theirName: "Dan" },
      "Fits: 6 of 200 characters (300 with Premium)",
      false,
    ],
    [
      "linkedin-note over",
      invitation,
      { theirName: "D".repeat(300) },
      "Too long: 303 of 200 characters (300 with Premium) (LinkedIn: 200 characters on free accounts, 300 on Premium.)",
      true,
    ],
    [
      "text",
      text,
      { theirName: "Dan", yourName: "Maya" },
      "Fits: 1 SMS segment (GSM-7, 17 characters); keep it to 2 segments",
      false,
    ],
    ["note", note, { theirName: "Dan", yourName: "Maya" }, "Fits: 5 of 80 words", false],
  ])("meter: %s", (_name, t, values, line, over) => {
    expect(fillView(t, values, "en-US", pageActions(ALL), TEXT).meter).toEqual({ text: line, over });
  });

  test("email has no body meter, and a subject line shows only when over its limit", () => {
    expect(fillView(email, {}, "en-US", pageActions(ALL), TEXT).meter).toBeUndefined();
    const inmail = template("linkedin-message", "Hi", "{{theirName}}");
    expect(
      fillView(inmail, { theirName: "Dan" }, "en-US", pageActions(ALL), TEXT).subjectOver,
    ).toBeUndefined();
    expect(
      fillView(inmail, { theirName: "D".repeat(201) }, "en-US", pageActions(ALL), TEXT).subjectOver,
    ).toBe("Subject too long: 201 of 200 characters");
  });

  test("the plain-characters fix is offered only for a text with curly characters", () => {
    expect(
      fillView(text, { theirName: "Dan" }, "en-US", pageActions(ALL), TEXT).plainCharacters,
    ).toBeUndefined();
    expect(
      fillView(text, { theirName: "D\u2019Arcy" }, "en-US", pageActions(ALL), TEXT).plainCharacters?.button,
    ).toBe("Use plain characters");
    expect(
      fillView(email, { theirName: "D\u2019Arcy" }, "en-US", pageActions(ALL), TEXT).plainCharacters,
    ).toBeUndefined();
  });
});

describe("status and sentence helpers", () => {
  test.each([
    ["all", true, "Copied the subject and message."],
    ["subject", true, "Copied the subject."],
    ["body", true, "Copied the message."],
    ["body", false, TEXT.copyFailed],
  ] as const)("copyStatus(%s, %s)", (part, copied, expected) => {
    expect(copyStatus(part, copied, TEXT)).toBe(expected);
  });

  test("say fills marks literally: replacement patterns in values stay text", () => {
    expect(say("Saved {file}.", { file: "$&-$1-$$.txt" })).toBe("Saved $&-$1-$$.txt.");
    expect(say("{missing} stays", {})).toBe("{missing} stays");
    expect(say("{toString}", {})).toBe("{toString}");
  });

  test.each([
    [0, "0 details left"],
    [1, "1 detail left"],
    [7, "7 details left"],
  ])("sayCount(%i)", (n, expected) => {
    expect(sayCount(TEXT.detailsLeft, n)).toBe(expected);
  });
});
