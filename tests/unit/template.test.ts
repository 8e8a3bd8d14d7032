import { describe, expect, test } from "vitest";
import {
  blankWhenFilled,
  fieldsOf,
  parseTemplate,
  renderSegments,
  renderText,
  requiredFieldsOf,
  TemplateSyntaxError,
} from "../../src/lib/template/index.ts";

const GREETING =
  "Hi {{theirName}},{{#workplace}} from {{workplace}}{{/workplace}}{{^workplace}} there{{/workplace}}!";

describe("fieldsOf and requiredFieldsOf", () => {
  test.each([
    ["plain text", "Hello", [], []],
    ["one field", "Hi {{theirName}}", ["theirName"], ["theirName"]],
    ["repeats listed once", "{{a}} {{b}} {{a}}", ["a", "b"], ["a", "b"]],
    ["section fields are optional", GREETING, ["theirName", "workplace"], ["theirName"]],
    ["comments are not fields", "{{! note }}{{a}}", ["a"], ["a"]],
    ["the current value inside a section", "{{#a}}({{.}}){{/a}}", ["a"], []],
  ])("%s", (_name, template, all, required) => {
    expect(fieldsOf(template)).toEqual(all);
    expect(requiredFieldsOf(template)).toEqual(required);
  });
});

describe("renderText", () => {
  test.each([
    ["unicode", { theirName: "Zoë 中文 👋", workplace: "Café Ñ" }, "Hi Zoë 中文 👋, from Café Ñ!"],
    ["empty value uses the fallback", { theirName: "Sam", workplace: "" }, "Hi Sam, there!"],
    ["whitespace-only counts as empty", { theirName: "Sam", workplace: "  \n\t " }, "Hi Sam, there!"],
    ["values are trimmed", { theirName: "  Sam  ", workplace: " Acme " }, "Hi Sam, from Acme!"],
    [
      "a value that looks like a tag stays literal",
      { theirName: "{{workplace}}", workplace: "Acme" },
      "Hi {{workplace}}, from Acme!",
    ],
    [
      "HTML is not escaped or interpreted",
      { theirName: "<script>alert(1)</script>" },
      "Hi <script>alert(1)</script>, there!",
    ],
    ["ampersands and quotes stay plain", { theirName: `Tom & "Jo"` }, `Hi Tom & "Jo", there!`],
    ["a missing field renders empty", {}, "Hi , there!"],
  ])("%s", (_name, values, expected) => {
    expect(renderText(GREETING, values)).toBe(expected);
  });

  test("a very long value comes out whole", () => {
    const long = "x".repeat(100_000);
    expect(renderText("[{{a}}]", { a: long })).toBe(`[${long}]`);
  });

  test("a missing field can show a placeholder", () => {
    expect(renderText(GREETING, {}, (field) => `[${field}]`)).toBe("Hi [theirName], there!");
  });

  test("an empty section leaves no blank line behind", () => {
    const template = "Hi {{a}},\n\n{{#b}}\nAbout {{b}}.\n\n{{/b}}\nThanks";
    expect(renderText(template, { a: "Sam" })).toBe("Hi Sam,\n\nThanks");
    expect(renderText(template, { a: "Sam", b: "lunch" })).toBe("Hi Sam,\n\nAbout lunch.\n\nThanks");
  });
});

describe("renderSegments", () => {
  test("marks filled and missing fields", () => {
    expect(renderSegments("Hi {{theirName}}, I'm {{yourName}}.", { yourName: "Ana" })).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "missing", field: "theirName" },
      { kind: "text", text: ", I'm " },
      { kind: "filled", field: "yourName", text: "Ana" },
      { kind: "text", text: "." },
    ]);
  });

  test("merges neighbouring text from sections", () => {
    expect(renderSegments("a{{#x}}b{{/x}}c", { x: "1" })).toEqual([{ kind: "text", text: "abc" }]);
  });
});

describe("syntax errors name the line and the fix", () => {
  test.each([
    [
      "unclosed section",
      "Hi\n{{#a}} there",
      /Section "a" is never closed: add \{\{\/a\}\} \(line 2, column 1\)/,
    ],
    ["mismatched close", "{{#a}}x{{/b}}", /Section "a" is closed by "b"/],
    ["stray close", "x {{/a}}", /Closing tag "a" has no opening section/],
    ["unclosed tag", "Hi {{name", /a tag left open, "\{\{name"/],
    ["empty tag", "Hi {{}}", /Empty tag/],
  ])("%s", (_name, template, message) => {
    expect(() => fieldsOf(template)).toThrow(TemplateSyntaxError);
    expect(() => fieldsOf(template)).toThrow(message);
  });
});

describe("blankWhenFilled: the section fields that leave a message with no words", () => {
  test.each([
    ["words of its own", "Hello", undefined],
    ["words around a field", "Hi {{a}}", undefined],
    ["words either way", "{{#a}}Hi {{a}}{{/a}}{{^a}}Hello{{/a}}", undefined],
    ["nothing at all", "", []],
    ["blank lines only", " \n\t\n", []],
    ["only a field", "{{a}}", []],
    ["only a comment and a field", "{{! note }}\n{{a}}\n", []],
    ["only an optional section", "{{#a}}\nHi {{a}}\n{{/a}}\n", []],
    ["only a fallback, hidden once its field is filled", "{{^a}}Hi there{{/a}}", ["a"]],
    ["a fallback inside a fallback: the fewest fields named", "{{^a}}{{^b}}Hi{{/b}}{{/a}}", ["a"]],
    ["a fallback that needs two fields filled to vanish", "{{^a}}Hi{{/a}}{{^b}}Hello{{/b}}", ["a", "b"]],
  ])("%s", (_name, template, expected) => {
    expect(blankWhenFilled(parseTemplate(template))).toEqual(expected);
  });
});

/** The error parseTemplate throws for `source`, or undefined when it parses. */
function syntaxError(source: string): TemplateSyntaxError | undefined {
  try {
    parseTemplate(source);
    return undefined;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
}

// Mustache features a message template has no use for, which would otherwise parse and send
// every later tag literally (a delimiter change) or drop text silently (a partial).
describe("tags the engine does not support are refused with what was found and the fix", () => {
  test.each([
    {
      name: "a partial",
      source: "Hi {{theirName}},\n{{> signature}}\n",
      line: 2,
      column: 1,
      found: "a partial, {{> signature}}",
      fix: "partials aren't supported: paste the text in",
    },
    {
      name: "a partial inside a section",
      source: "{{#a}}x {{>footer}}{{/a}}",
      line: 1,
      column: 9,
      found: "a partial, {{>footer}}",
      fix: "partials aren't supported: paste the text in",
    },
    {
      name: "a delimiter change",
      source: "Hello\n  {{=<% %>=}}\nHi <% theirName %>",
      line: 2,
      column: 3,
      found: "a delimiter change, {{=<% %>=}}",
      fix: "keep the {{ }} delimiters",
    },
    {
      name: "a template block",
      source: "{{$greeting}}Hi{{/greeting}}",
      line: 1,
      column: 1,
      found: "a template block, {{$greeting}}",
      fix: "blocks and template inheritance aren't supported",
    },
    {
      name: "a parent template",
      source: "{{<base}}{{/base}}",
      line: 1,
      column: 1,
      found: "a parent template, {{<base}}",
      fix: "blocks and template inheritance aren't supported",
    },
    {
      name: "the current value outside any section",
      source: "Hi {{.}}",
      line: 1,
      column: 4,
      found: "{{.}} outside a section",
      fix: "write the field's id, e.g. {{theirName}}",
    },
    {
      name: "a tag left open before the next one",
      source: "Hi {{theirName,\nI'm {{yourName}}",
      line: 1,
      column: 4,
      found: 'a tag left open, "{{theirName,"',
      fix: "close each tag with }}",
    },
    {
      name: "closing braces with no tag before them",
      source: "Hi {theirName}}, it's me",
      line: 1,
      column: 14,
      found: '"}}" with no "{{" before it',
      fix: "open the tag with two braces",
    },
  ])("$name", ({ source, line, column, found, fix }) => {
    const error = syntaxError(source);
    expect(error, "parses without an error").toBeDefined();
    expect({ line: error?.line, column: error?.column }).toEqual({ line, column });
    expect(error?.found).toBe(found);
    expect(error?.fix).toContain(fix);
    expect(error?.message).toContain(`(line ${line}, column ${column})`);
  });

  test("a value holding tags is still only text", () => {
    expect(renderText("Hi {{a}}", { a: "{{> x}} {{=<% %>=}} }}" })).toBe("Hi {{> x}} {{=<% %>=}} }}");
  });
});
