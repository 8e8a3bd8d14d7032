/**
 * A small Mustache parser: interpolation, sections, inverted sections, comments, partials and
 * set-delimiter tags, with the spec's "standalone line" whitespace rules.
 * Spec: https://github.com/mustache/spec (the tests run against its JSON files).
 * Lambdas are left out on purpose: templates are data written by editors, never code.
 */

export type TemplateNode =
  | { readonly type: "text"; readonly value: string }
  | { readonly type: "variable"; readonly name: string; readonly escape: boolean }
  | {
      readonly type: "section";
      readonly name: string;
      readonly inverted: boolean;
      readonly children: readonly TemplateNode[];
    }
  | { readonly type: "partial"; readonly name: string; readonly indent: string };

/** A template that cannot be parsed; `line` and `column` are 1-based positions in the source. */
export class TemplateSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, source: string, index: number) {
    const { line, column } = positionOf(source, index);
    super(`${message} (line ${line}, column ${column})`);
    this.name = "TemplateSyntaxError";
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

/** Tags that may sit alone on a line; such a line disappears from the output (spec: "standalone"). */
const STANDALONE_TYPES = new Set(["#", "^", "/", "!", "=", ">"]);

interface OpenSection {
  readonly name: string;
  readonly inverted: boolean;
  readonly children: TemplateNode[];
  readonly index: number;
}

export function parseTemplate(source: string): TemplateNode[] {
  let open = "{{";
  let close = "}}";
  const root: TemplateNode[] = [];
  const stack: OpenSection[] = [];
  let nodes = root;
  let pos = 0;
  let previousTagEnd = -1;

  const pushText = (value: string): void => {
    if (value === "") return;
    const last = nodes[nodes.length - 1];
    if (last?.type === "text") nodes[nodes.length - 1] = { type: "text", value: last.value + value };
    else nodes.push({ type: "text", value });
  };

  while (pos < source.length) {
    const tagStart = source.indexOf(open, pos);
    if (tagStart === -1) break;

    let contentStart = tagStart + open.length;
    const sigil = source.charAt(contentStart);
    let closer = close;
    if (sigil === "{") closer = "}" + close;
    else if (sigil === "=") closer = "=" + close;
    const type = "#^/!=>{&".includes(sigil) && sigil !== "" ? sigil : "";
    if (type !== "") contentStart += 1;

    const contentEnd = source.indexOf(closer, contentStart);
    if (contentEnd === -1) {
      throw new TemplateSyntaxError(`Unclosed tag: "${open}" has no matching "${closer}"`, source, tagStart);
    }
    const content = source.slice(contentStart, contentEnd).trim();
    const tagEnd = contentEnd + closer.length;

    // Standalone: only whitespace around the tag on its line, and no other tag on that line.
    const lineStart = source.lastIndexOf("\n", tagStart - 1) + 1;
    const restMatch = /^[ \t]*(\r?\n|$)/.exec(source.slice(tagEnd));
    const standalone =
      STANDALONE_TYPES.has(type) &&
      previousTagEnd < lineStart &&
      /^[ \t]*$/.test(source.slice(lineStart, tagStart)) &&
      restMatch !== null;

    if (standalone) {
      pushText(source.slice(pos, lineStart));
      pos = tagEnd + restMatch[0].length;
    } else {
      pushText(source.slice(pos, tagStart));
      pos = tagEnd;
    }
    previousTagEnd = tagEnd;

    if (content === "" && type !== "!") {
      throw new TemplateSyntaxError("Empty tag: write a field name inside the braces", source, tagStart);
    }

    switch (type) {
      case "!":
        break;
      case "=": {
        const parts = content.split(/\s+/);
        const [nextOpen, nextClose] = parts;
        if (parts.length !== 2 || nextOpen === undefined || nextClose === undefined) {
          throw new TemplateSyntaxError(
            `Bad delimiter tag "${content}": expected two delimiters separated by a space`,
            source,
            tagStart,
          );
        }
        open = nextOpen;
        close = nextClose;
        break;
      }
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
          throw new TemplateSyntaxError(`Closing tag "${content}" has no opening section`, source, tagStart);
        }
        if (section.name !== content) {
          throw new TemplateSyntaxError(
            `Section "${section.name}" is closed by "${content}": close it with {{/${section.name}}}`,
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
      case ">":
        nodes.push({
          type: "partial",
          name: content,
          indent: standalone ? source.slice(lineStart, tagStart) : "",
        });
        break;
      default:
        nodes.push({ type: "variable", name: content, escape: type === "" });
    }
  }

  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) {
    throw new TemplateSyntaxError(
      `Section "${unclosed.name}" is never closed: add {{/${unclosed.name}}}`,
      source,
      unclosed.index,
    );
  }
  pushText(source.slice(pos));
  return root;
}
