/**
 * The parser for message templates: a small, strict subset of Mustache. It reads fields
 * (`{{theirName}}`; `{{&x}}` and `{{{x}}}` mean the same, since nothing is HTML-escaped here),
 * sections `{{#x}}…{{/x}}`, inverted sections `{{^x}}…{{/x}}` and comments `{{! … }}`, with the
 * spec's "standalone line" whitespace rules. Spec: https://github.com/mustache/spec (the tests run
 * against its JSON files, and against the `mustache` package as an oracle).
 *
 * Hand-made rather than the `mustache` package on purpose: it is smaller in the browser bundle,
 * it gives every error a line and a column, and it is stricter. Templates are messages written
 * by editors, so Mustache's features for code are refused with the fix instead of parsed:
 * partials (`{{> x}}`, there is nothing to include), delimiter changes (`{{=<% %>=}}`, after which
 * every `{{field}}` would be sent as typed), blocks and parents (`{{$x}}`, `{{<x}}`), `{{.}}` where
 * there is no section value, and lambdas (values are only ever strings).
 */

export type TemplateNode =
  | { readonly type: "text"; readonly value: string }
  | { readonly type: "variable"; readonly name: string; readonly escape: boolean }
  | {
      readonly type: "section";
      readonly name: string;
      readonly inverted: boolean;
      readonly children: readonly TemplateNode[];
    };

/**
 * A template that cannot be parsed: what was found, the fix, and where (1-based line and column).
 * The message reads "found: fix (line L, column C)".
 */
export class TemplateSyntaxError extends Error {
  readonly found: string;
  readonly fix: string;
  readonly line: number;
  readonly column: number;
  constructor(found: string, fix: string, source: string, index: number) {
    const { line, column } = positionOf(source, index);
    super(`${found}: ${fix} (line ${line}, column ${column})`);
    this.name = "TemplateSyntaxError";
    this.found = found;
    this.fix = fix;
    this.line = line;
    this.column = column;
  }
}

export function positionOf(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return { line, column };
}

const OPEN = "{{";
const CLOSE = "}}";

/** Tags that may sit alone on a line; such a line disappears from the output (spec: "standalone"). */
const STANDALONE_TYPES = new Set(["#", "^", "/", "!"]);

/** Mustache tags with no place in a message, and what to do instead. */
const REFUSED: Readonly<Record<string, { what: string; fix: string }>> = {
  ">": { what: "a partial", fix: "partials aren't supported: paste the text in where the tag is" },
  "=": {
    what: "a delimiter change",
    fix: "keep the {{ }} delimiters: delete this tag and write fields as {{fieldId}}",
  },
  $: {
    what: "a template block",
    fix: "blocks and template inheritance aren't supported: write the message out in full",
  },
  "<": {
    what: "a parent template",
    fix: "blocks and template inheritance aren't supported: write the message out in full",
  },
};

const LEFT_OPEN_FIX = "close each tag with }}, e.g. {{theirName}}";

interface OpenSection {
  readonly name: string;
  readonly inverted: boolean;
  readonly children: TemplateNode[];
  readonly index: number;
}

/** The start of a tag as an editor would recognise it: its first line, at most 30 characters. */
function excerpt(source: string, start: number, end: number): string {
  const text = source.slice(start, end).split(/\r?\n/)[0] ?? "";
  return text.length > 30 ? `${text.slice(0, 30)}…` : text.trimEnd();
}

export function parseTemplate(source: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: OpenSection[] = [];
  let nodes = root;
  let pos = 0;
  let previousTagEnd = -1;

  /** Text between tags. A "}}" there closes nothing: it is a typo for a tag, such as {name}}. */
  const checkText = (from: number, to: number): void => {
    const stray = source.slice(from, to).indexOf(CLOSE);
    if (stray !== -1) {
      throw new TemplateSyntaxError(
        `"}}" with no "{{" before it`,
        "open the tag with two braces, e.g. {{theirName}}",
        source,
        from + stray,
      );
    }
  };

  const pushText = (from: number, to: number): void => {
    if (from >= to) return;
    const value = source.slice(from, to);
    const last = nodes[nodes.length - 1];
    if (last?.type === "text") nodes[nodes.length - 1] = { type: "text", value: last.value + value };
    else nodes.push({ type: "text", value });
  };

  while (pos < source.length) {
    const tagStart = source.indexOf(OPEN, pos);
    if (tagStart === -1) break;
    checkText(pos, tagStart);

    let contentStart = tagStart + OPEN.length;
    const sigil = source.charAt(contentStart);
    const type = sigil !== "" && "#^/!{&>=$<".includes(sigil) ? sigil : "";
    if (type !== "") contentStart += 1;
    const closer = type === "{" ? `}${CLOSE}` : CLOSE;

    const contentEnd = source.indexOf(closer, contentStart);
    const nextOpen = source.indexOf(OPEN, contentStart);
    if (contentEnd === -1 || (nextOpen !== -1 && nextOpen < contentEnd)) {
      const end = nextOpen === -1 ? source.length : nextOpen;
      throw new TemplateSyntaxError(
        `a tag left open, "${excerpt(source, tagStart, end)}"`,
        LEFT_OPEN_FIX,
        source,
        tagStart,
      );
    }
    const content = source.slice(contentStart, contentEnd).trim();
    const tagEnd = contentEnd + closer.length;
    const tag = source.slice(tagStart, tagEnd);

    const refused = REFUSED[type];
    if (refused !== undefined) {
      throw new TemplateSyntaxError(`${refused.what}, ${tag}`, refused.fix, source, tagStart);
    }
    if (content === "" && type !== "!") {
      throw new TemplateSyntaxError(
        `Empty tag ${tag}`,
        "write a field id inside the braces, e.g. {{theirName}}",
        source,
        tagStart,
      );
    }
    // Outside every section, "." would be the whole record of values: there is nothing to print.
    if (content === "." && type !== "!" && type !== "/" && stack.length === 0) {
      throw new TemplateSyntaxError(
        `${tag} outside a section`,
        "{{.}} is the value of the section around it, and there is none: write the field's id, e.g. {{theirName}}",
        source,
        tagStart,
      );
    }

    // Standalone: only whitespace around the tag on its line, and no other tag on that line.
    const lineStart = source.lastIndexOf("\n", tagStart - 1) + 1;
    const restMatch = /^[ \t]*(\r?\n|$)/.exec(source.slice(tagEnd));
    const standalone =
      STANDALONE_TYPES.has(type) &&
      previousTagEnd < lineStart &&
      /^[ \t]*$/.test(source.slice(lineStart, tagStart)) &&
      restMatch !== null;

    if (standalone) {
      pushText(pos, lineStart);
      pos = tagEnd + restMatch[0].length;
    } else {
      pushText(pos, tagStart);
      pos = tagEnd;
    }
    previousTagEnd = tagEnd;

    switch (type) {
      case "!":
        break;
      case "#":
      case "^": {
        const section: OpenSection = { name: content, inverted: type === "^", children: [], index: tagStart };
        stack.push(section);
        nodes = section.children;
        break;
      }
      case "/": {
        const section = stack.pop();
        if (section === undefined) {
          throw new TemplateSyntaxError(
            `Closing tag "${content}" has no opening section`,
            `open it first with {{#${content}}}, or delete ${tag}`,
            source,
            tagStart,
          );
        }
        if (section.name !== content) {
          throw new TemplateSyntaxError(
            `Section "${section.name}" is closed by "${content}"`,
            `close it with {{/${section.name}}}`,
            source,
            tagStart,
          );
        }
        const parent = stack[stack.length - 1];
        nodes = parent === undefined ? root : parent.children;
        nodes.push({
          type: "section",
          name: section.name,
          inverted: section.inverted,
          children: section.children,
        });
        break;
      }
      default:
        nodes.push({ type: "variable", name: content, escape: type === "" });
    }
  }

  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) {
    throw new TemplateSyntaxError(
      `Section "${unclosed.name}" is never closed`,
      `add {{/${unclosed.name}}}`,
      source,
      unclosed.index,
    );
  }
  checkText(pos, source.length);
  pushText(pos, source.length);
  return root;
}
