import { describe, expect, test } from "vitest";
import { CHANNELS } from "../../src/lib/channels.ts";
import { withoutFinalStop, type FieldDefinition } from "../../src/lib/fields.ts";
import { parseMailto } from "../../src/lib/links.ts";
import { fillMessage, withPlainCharacters } from "../../src/lib/fill/message.ts";
import { parseTemplate } from "../../src/lib/template/index.ts";

const FIELDS: FieldDefinition[] = [
  { id: "theirName", label: "Their name", hint: "", example: "Dan", type: "text" },
  { id: "yourName", label: "Your name", hint: "", example: "Maya", type: "text" },
  { id: "neededBy", label: "Needed by", hint: "", example: "2026-12-11", type: "date" },
];

const email = {
  channel: CHANNELS.email,
  nodes: {
    subject: parseTemplate("A favor, {{theirName}}"),
    body: parseTemplate("Hi {{theirName}},\n{{#neededBy}}By {{neededBy}}.\n{{/neededBy}}{{yourName}}"),
  },
  fields: FIELDS,
};
const text = {
  channel: CHANNELS.text,
  nodes: { body: parseTemplate("Hi {{theirName}}, it's {{yourName}}") },
  fields: FIELDS,
};

describe("fillMessage", () => {
  test.each([
    ["nothing filled", {}, "Hi [Their name],\n[Your name]", ["theirName", "yourName"]],
    ["one filled", { theirName: "Dan" }, "Hi Dan,\n[Your name]", ["yourName"]],
    [
      "a date in words",
      { theirName: "Dan", yourName: "Maya", neededBy: "2026-12-11" },
      "Hi Dan,\nBy Friday, December 11.\nMaya",
      [],
    ],
    [
      "a detail typed with a final full stop does not end its sentence twice",
      { theirName: "Dan.", yourName: "Maya" },
      "Hi Dan,\nMaya",
      [],
    ],
    [
      "whitespace counts as empty",
      { theirName: "  ", yourName: "Maya" },
      "Hi [Their name],\nMaya",
      ["theirName"],
    ],
  ])("%s", (_name, values, body, missing) => {
    const message = fillMessage(email, values, "en-US");
    expect(message.body).toBe(body);
    expect(message.missing).toEqual(missing);
  });

  test("email: full text, subject and a mailto that round-trips", () => {
    const message = fillMessage(email, { theirName: "Dan & Jo", yourName: "Maya" }, "en-US");
    expect(message.subject).toBe("A favor, Dan & Jo");
    expect(message.fullText).toBe("Subject: A favor, Dan & Jo\n\nHi Dan & Jo,\nMaya");
    const mailto = message.links.mailto;
    expect(mailto?.ok).toBe(true);
    if (mailto?.ok !== true) return;
    expect(parseMailto(mailto.href)).toEqual({
      to: "",
      subject: "A favor, Dan & Jo",
      body: "Hi Dan & Jo,\nMaya",
    });
    expect(message.links.gmail).toMatch(/^https:\/\/mail\.google\.com\//);
    expect(message.links.outlook).toMatch(/^https:\/\/outlook\.live\.com\//);
    expect(message.links.sms).toBeUndefined();
  });

  test("email: a body past the mailto budget turns the link off with a reason", () => {
    const message = fillMessage(email, { theirName: "x".repeat(2000), yourName: "Maya" }, "en-US");
    expect(message.links.mailto).toMatchObject({ ok: false, limit: 1800 });
  });

  test("text: an sms link, a meter and the plain-characters fix only when needed", () => {
    const plain = fillMessage(text, { theirName: "Dan", yourName: "Maya" }, "en-US");
    expect(plain.links.sms).toBe("sms:?&body=Hi%20Dan%2C%20it's%20Maya");
    expect(plain.meter).toMatchObject({ unit: "segments", used: 1, encoding: "GSM-7", withinLimit: true });
    expect(plain.canUsePlainCharacters).toBe(false);
    const curly = fillMessage(text, { theirName: "D\u2019Arcy", yourName: "Maya" }, "en-US");
    expect(curly.meter?.encoding).toBe("UCS-2");
    expect(curly.canUsePlainCharacters).toBe(true);
    const fixed = withPlainCharacters({ theirName: "D\u2019Arcy \u2014 \u201cDee\u201d\u2026" });
    expect(fixed).toEqual({ theirName: `D'Arcy - "Dee"...` });
  });
});

describe("withoutFinalStop", () => {
  test.each([
    ["I start in January.", "I start in January"],
    ["I start in January", "I start in January"],
    ["I start in January .", "I start in January"],
    ["we'll see...", "we'll see..."],
    ["I got the job!", "I got the job!"],
    [".", "."],
  ])("%j shows as %j", (typed, shown) => {
    expect(withoutFinalStop(typed)).toBe(shown);
  });
});
