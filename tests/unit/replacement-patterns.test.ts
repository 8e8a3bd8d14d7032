/**
 * String.prototype.replace reads "$&", "$1", "$$", "$'" and "$`" in a replacement string as
 * patterns (ECMA-262 GetSubstitution). A person's own text may contain them, so everywhere it
 * is put into other text it must come out exactly as typed.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CHANNELS } from "../../src/lib/channels.ts";
import { fillView, NO_FACE_ACTIONS } from "../../src/lib/fill/view.ts";
import { gmailComposeUrl, mailtoHref, outlookComposeUrl, parseMailto, smsHref } from "../../src/lib/links.ts";
import { buildPlan, PLAN_STEPS } from "../../src/lib/plan.ts";
import { parseTemplate, renderText } from "../../src/lib/template/index.ts";
import { FILL_TEXT_EN, say } from "../../src/lib/ui-text.ts";

const PATTERNS = ["$&", "$1", "$$", "$'", "$`", "$<name>", "$0", "a$&b$1c$$d"];

const field = (id: string) => ({ id, label: id, hint: "", example: "x", type: "text" as const });

describe.each(PATTERNS)("%j comes out as typed", (value) => {
  test("in the template engine", () => {
    expect(
      renderText("Hi {{theirName}}, {{#targetRole}}for {{targetRole}}{{/targetRole}}", {
        theirName: value,
        targetRole: value,
      }),
    ).toBe(`Hi ${value}, for ${value}`);
  });

  test("in say()", () => {
    expect(say("Saved {file}, {file}.", { file: value })).toBe(`Saved ${value}, ${value}.`);
  });

  test("in mailto, sms and web mail links", () => {
    expect(parseMailto(mailtoHref({ subject: value, body: value }))).toEqual({
      to: "",
      subject: value,
      body: value,
    });
    expect(new URL(smsHref(value)).searchParams.get("body")).toBe(value);
    expect(new URL(gmailComposeUrl({ subject: value, body: value })).searchParams.get("su")).toBe(value);
    expect(new URL(outlookComposeUrl({ subject: value, body: value })).searchParams.get("body")).toBe(value);
  });

  test("in the fill-in and the widget (the same core)", () => {
    const template = {
      slug: "t",
      channel: CHANNELS.email,
      nodes: { subject: parseTemplate("To {{theirName}}"), body: parseTemplate("Hi {{theirName}}") },
      fields: [field("theirName")],
    };
    const view = fillView(template, { theirName: value }, "en-US", NO_FACE_ACTIONS, FILL_TEXT_EN);
    expect(view.copy.all).toBe(`Subject: To ${value}\n\nHi ${value}`);
  });

  test("in the planner's step titles", () => {
    const plan = buildPlan(
      { theirName: value, situation: "reference", channel: "email", neededBy: "2026-07-01" },
      "2026-06-08",
      PLAN_STEPS,
    );
    expect(plan.steps[0]?.title).toBe(`Reconnect with ${value} and ask for the reference`);
  });
});

describe("say() for any value", () => {
  const plain = fc.string({ unit: "binary" }).filter((s) => !/\{\w+\}/.test(s));

  test("property: every mark becomes the value exactly; text around it is untouched", () => {
    fc.assert(
      fc.property(plain, plain, fc.string({ unit: "binary" }), (before, after, value) => {
        expect(say(`${before}{x}${after}{x}`, { x: value })).toBe(`${before}${value}${after}${value}`);
      }),
      { numRuns: 500 },
    );
  });

  test("property: a mark with no value of its own stays as written, whatever Object.prototype has", () => {
    fc.assert(
      fc.property(plain, fc.constantFrom("toString", "constructor", "valueOf", "x"), (text, name) => {
        expect(say(`${text}{${name}}`, {})).toBe(`${text}{${name}}`);
      }),
    );
  });
});
