/**
 * What the widget takes from the page it is embedded in: nothing. Names a host added to
 * Object.prototype never read as typed details, words or settings, and element names a host
 * already took are reported, not fought over.
 */
import { afterEach, describe, expect, test } from "vitest";
import { CHANNELS } from "../../src/lib/channels.ts";
import { fillView, NO_FACE_ACTIONS } from "../../src/lib/fill/view.ts";
import { parseTemplate } from "../../src/lib/template/index.ts";
import { FILL_TEXT_EN } from "../../src/lib/ui-text.ts";
import { parseAnswer } from "../../src/widget/data.ts";
import { defineElements, type Registry } from "../../src/widget/define.ts";

const field = (id: string) => ({ id, label: `Label ${id}`, hint: "", example: "x", type: "text" as const });

/** A template as the widget gets it: sent as JSON and read back by the widget's reader. */
function fromApi(channel: "email" | "text", body: string, subject?: string) {
  const template = {
    slug: "t",
    channel: CHANNELS[channel],
    nodes: {
      ...(subject === undefined ? {} : { subject: parseTemplate(subject) }),
      body: parseTemplate(body),
    },
    fields: [field("yourName"), field("theirName"), field("targetRole")],
    uiText: FILL_TEXT_EN,
  };
  return parseAnswer(JSON.stringify(template)) as typeof template;
}

const text = fromApi(
  "text",
  "Hi {{theirName}}{{#targetRole}} about {{targetRole}}{{/targetRole}}, {{yourName}}",
);
const email = fromApi("email", "Hi {{theirName}}", "For {{theirName}}");
const draw = (template: typeof text, values: Record<string, string> = {}) =>
  fillView(template, values, "en-US", NO_FACE_ACTIONS, template.uiText);

const polluted: string[] = [];
function pollute(name: string, value: unknown): void {
  // Non-enumerable so the test runner's own loops are unaffected; `in` and plain reads still see it.
  Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true });
  polluted.push(name);
}
afterEach(() => {
  for (const name of polluted.splice(0)) Reflect.deleteProperty(Object.prototype, name);
});

describe("a name on Object.prototype never fills the message as if typed", () => {
  test.each([
    ["a field", "theirName", text],
    ["another field", "yourName", text],
    ["a section", "targetRole", text],
    ["a field in an email subject", "theirName", email],
  ])("%s (%s)", (_kind, name, template) => {
    const clean = draw(template);
    pollute(name, "Polluted");
    const view = draw(template);
    expect(view.copy.all).not.toContain("Polluted");
    expect(view).toEqual(clean);
  });

  test("typed details still fill in while the prototype is polluted", () => {
    pollute("theirName", "Polluted");
    expect(draw(text, { theirName: "Dan", yourName: "Maya" }).copy.body).toBe("Hi Dan, Maya");
  });
});

describe("the widget reads API answers into objects with no prototype", () => {
  test.each([
    [
      "a word missing from uiText",
      "notAWord",
      (t: typeof text) => (t.uiText as unknown as Record<string, unknown>)["notAWord"],
    ],
    ["a subject on a text", "subject", (t: typeof text) => t.nodes.subject],
    ["a limit on an email", "limit", (t: typeof email) => t.channel.limit],
    [
      "a control's rows",
      "rows",
      (t: typeof text) => (t.fields[0] as unknown as Record<string, unknown>)["rows"],
    ],
  ])("%s (%s) reads as absent", (_name, key, read) => {
    pollute(key, "Polluted");
    expect(read(key === "limit" ? email : text)).toBeUndefined();
  });

  test("nested objects and array items have no prototype; arrays stay arrays", () => {
    const answer = parseAnswer('{"a":{"b":[{"c":1}]},"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(answer)).toBeNull();
    const a = answer["a"] as { b: object[] };
    expect(Object.getPrototypeOf(a)).toBeNull();
    expect(Array.isArray(a.b)).toBe(true);
    expect(Object.getPrototypeOf(a.b[0])).toBeNull();
    // A "__proto__" key is data, never a way to set the prototype.
    expect((answer as { x?: number }).x).toBeUndefined();
  });
});

describe("defineElements: each name checked on its own", () => {
  // Stand-ins for element classes: only their identity matters here.
  const element = () => ({}) as CustomElementConstructor;
  const [Ours, Picker, Theirs] = [element(), element(), element()];
  const ELEMENTS = [
    ["reconnect-template", Ours],
    ["reconnect-templates", Picker],
  ] as const;

  function registry(taken: Record<string, unknown>): Registry & { defined: string[] } {
    const names = new Map(Object.entries(taken)) as Map<string, CustomElementConstructor>;
    const defined: string[] = [];
    return {
      defined,
      get: (name) => names.get(name),
      define: (name, element) => {
        if (names.has(name)) throw new DOMException(`${name} has already been used`, "NotSupportedError");
        names.set(name, element);
        defined.push(name);
      },
    };
  }

  test.each([
    ["a page with neither", {}, false, ["reconnect-template", "reconnect-templates"], []],
    [
      "the page took reconnect-template",
      { "reconnect-template": Theirs },
      false,
      ["reconnect-templates"],
      ["reconnect-template"],
    ],
    [
      "the page took reconnect-templates",
      { "reconnect-templates": Theirs },
      false,
      ["reconnect-template"],
      ["reconnect-templates"],
    ],
    [
      "an earlier copy of widget.js defined both",
      { "reconnect-template": Ours, "reconnect-templates": Picker },
      true,
      [],
      [],
    ],
  ])("%s", (_name, taken, earlierCopy, defined, warned) => {
    const warnings: string[] = [];
    const elements = registry(taken);
    defineElements(elements, ELEMENTS, earlierCopy, (message) => warnings.push(message));
    expect(elements.defined).toEqual(defined);
    expect(warnings).toHaveLength(warned.length);
    warned.forEach((name, i) => {
      expect(warnings[i]).toContain(`<${name}>`);
      expect(warnings[i]).toMatch(/this page already defines/);
    });
  });
});
