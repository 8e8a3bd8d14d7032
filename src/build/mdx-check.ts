/**
 * What the advice pages (tactics and guides, in .mdx or .md) may hold: Markdown, and nothing that
 * runs code or ships markup of its own. The pages become live HTML, so a <script>, an onclick or
 * a javascript: link an editor pasted in would go out with the site (today only the CSP would
 * stop it running). This refuses them at build, with the line, the column and the fix.
 *
 * It parses with satteri, the parser Astro's MDX integration compiles these pages with, so it
 * judges the tree the page is built from rather than guessing at the source with patterns.
 * Runs in Node only (the build, `npm run check:content` and the tests).
 */
import { markdownToMdast, mdxToMdast, type MdastNode, type MdxJsxAttributeUnion } from "satteri";

export interface MdxPolicy {
  /** The components a page may use, each with the one module it may be imported from. */
  readonly components: Readonly<Record<string, string>>;
}

/**
 * The pages today use no components and import nothing: they are plain Markdown. To allow a
 * component, add its name and module here; a page may then import it from exactly that module
 * and give it text attributes.
 */
export const PAGE_POLICY: MdxPolicy = { components: {} };

export interface MdxProblem {
  /** 1-based, in the source given (the page body); the caller adds where the body starts. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fix: string;
}

type Where = Pick<MdxProblem, "line" | "column">;

const UNSAFE_SCHEMES = new Set(["javascript", "vbscript", "data"]);

const MARKDOWN_FIX =
  "write it in Markdown instead (## Heading, **bold**, _italic_, [text](https://…), - lists); these pages may not carry HTML of their own";

const LINK_FIX =
  "link to an https:// address or a page of the site (e.g. /templates/thank-you-email/); javascript:, vbscript: and data: links are not allowed";

const EXPRESSION_FIX =
  "{…} is code that runs when the site is built: write the words plainly, and to show a brace, escape it as \\{";

/**
 * The scheme of a URL as a browser reads it (WHATWG URL): leading and trailing spaces and control
 * characters dropped, tabs and newlines removed anywhere, letters in any case.
 */
function schemeOf(url: string): string | undefined {
  let cleaned = "";
  for (const ch of url) {
    if (ch !== "\t" && ch !== "\n" && ch !== "\r") cleaned += ch;
  }
  let start = 0;
  while (start < cleaned.length && cleaned.charCodeAt(start) <= 0x20) start += 1;
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned.slice(start))?.[1]?.toLowerCase();
}

const isUnsafeUrl = (url: string): boolean => UNSAFE_SCHEMES.has(schemeOf(url) ?? "");

/** An expression that holds only comments, such as `{/* a note for editors *\/}`. */
function isOnlyComments(code: string): boolean {
  let rest = code.trim();
  for (;;) {
    if (rest.startsWith("/*")) {
      const end = rest.indexOf("*/");
      if (end === -1) return false;
      rest = rest.slice(end + 2).trimStart();
    } else if (rest.startsWith("//")) {
      const end = rest.indexOf("\n");
      rest = end === -1 ? "" : rest.slice(end + 1).trimStart();
    } else {
      return rest === "";
    }
  }
}

/** An HTML node of a .md page that is only a comment: a note that never shows. */
function isOnlyHtmlComment(html: string): boolean {
  const text = html.trim();
  return text.startsWith("<!--") && text.endsWith("-->") && text.indexOf("-->") === text.length - 3;
}

const normalizeStatement = (line: string): string =>
  line.trim().replace(/;$/, "").replace(/\s+/g, " ").replace(/'/g, '"');

function esmProblems(value: string, at: Where, policy: MdxPolicy): MdxProblem[] {
  const allowed = Object.entries(policy.components).map(
    ([name, module]) => `import ${name} from "${module}"`,
  );
  const fix =
    allowed.length === 0
      ? "these pages may not import or export code: delete the line"
      : `delete the line; the only imports allowed are: ${allowed.join("; ")}`;
  const allowedSet = new Set(allowed);
  return value.split("\n").flatMap((line, index) => {
    if (line.trim() === "" || allowedSet.has(normalizeStatement(line))) return [];
    return [
      {
        line: at.line + index,
        column: (index === 0 ? at.column : 1) + (line.length - line.trimStart().length),
        message: `an import or export, ${line.trim()}`,
        fix,
      },
    ];
  });
}

function attributeProblems(attribute: MdxJsxAttributeUnion, at: Where): MdxProblem[] {
  if (attribute.type === "mdxJsxExpressionAttribute") {
    return [
      {
        ...at,
        message: `a {…} value, {${attribute.value}}`,
        fix: 'write each attribute as name="text"; {…} is code',
      },
    ];
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    return [
      {
        ...at,
        message: `an event handler, ${name}`,
        fix: "delete the attribute: these pages may not run code",
      },
    ];
  }
  if (typeof value === "object" && value !== null) {
    return [
      {
        ...at,
        message: `a {…} value, ${name}={${value.value}}`,
        fix: `write the value in quotes, ${name}="…"; {…} is code`,
      },
    ];
  }
  if (typeof value === "string" && isUnsafeUrl(value)) {
    return [{ ...at, message: `a link to ${JSON.stringify(value)}`, fix: LINK_FIX }];
  }
  return [];
}

function elementProblems(
  name: string | null,
  attributes: readonly MdxJsxAttributeUnion[],
  at: Where,
  policy: MdxPolicy,
): MdxProblem[] {
  if (name === null) return [{ ...at, message: "a JSX fragment <>", fix: MARKDOWN_FIX }];
  if (name.toLowerCase() === "script") {
    return [
      {
        ...at,
        message: "a <script> element",
        fix: "these pages may not run scripts of their own: delete it",
      },
    ];
  }
  if (Object.hasOwn(policy.components, name)) {
    return attributes.flatMap((attribute) => attributeProblems(attribute, at));
  }
  if (/^[a-z]/.test(name)) return [{ ...at, message: `raw HTML <${name}>`, fix: MARKDOWN_FIX }];
  const allowed = Object.keys(policy.components);
  return [
    {
      ...at,
      message: `the component <${name}>`,
      fix:
        allowed.length === 0
          ? "no components are allowed in these pages: write it in Markdown"
          : `use an allowed component (${allowed.join(", ")}) or write it in Markdown`,
    },
  ];
}

function nodeProblems(node: MdastNode, at: Where, policy: MdxPolicy): MdxProblem[] {
  switch (node.type) {
    case "mdxjsEsm":
      return esmProblems(node.value, at, policy);
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return elementProblems(node.name, node.attributes, at, policy);
    case "mdxFlowExpression":
    case "mdxTextExpression":
      return isOnlyComments(node.value)
        ? []
        : [{ ...at, message: `a {…} expression, {${node.value}}`, fix: EXPRESSION_FIX }];
    case "html":
      return isOnlyHtmlComment(node.value)
        ? []
        : [{ ...at, message: `raw HTML, ${node.value.split("\n")[0] ?? ""}`, fix: MARKDOWN_FIX }];
    case "link":
    case "definition":
      return isUnsafeUrl(node.url)
        ? [{ ...at, message: `a link to ${JSON.stringify(node.url)}`, fix: LINK_FIX }]
        : [];
    case "image":
      return isUnsafeUrl(node.url)
        ? [
            {
              ...at,
              message: `an image from ${JSON.stringify(node.url)}`,
              fix: "put the image in public/ and use its path, e.g. ![what it shows](/images/photo.png); data:, javascript: and vbscript: sources are not allowed",
            },
          ]
        : [];
    default:
      return [];
  }
}

function walk(node: MdastNode, policy: MdxPolicy, out: MdxProblem[]): void {
  const start = node.position?.start;
  out.push(...nodeProblems(node, { line: start?.line ?? 1, column: start?.column ?? 1 }, policy));
  if ("children" in node) {
    for (const child of node.children) walk(child, policy, out);
  }
}

/** satteri reports a parse error as "line:column: reason (rule)". */
function parseProblem(error: unknown): MdxProblem {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(text);
  return {
    line: Number(match?.[1] ?? 1),
    column: Number(match?.[2] ?? 1),
    message: `this is not valid MDX: ${match?.[3] ?? text}`,
    fix: "MDX reads < as the start of a tag and { as the start of code: write \\< or \\{ to show them as text, and close every tag you open",
  };
}

/**
 * Problems in a page body (without its frontmatter): `mdx` for .mdx pages, `md` for plain
 * Markdown, where braces and `import` are only text but raw HTML goes out as it is.
 */
export function mdxProblems(
  source: string,
  format: "md" | "mdx",
  policy: MdxPolicy = PAGE_POLICY,
): MdxProblem[] {
  let tree: MdastNode;
  try {
    // GFM as Astro's MDX integration has it; the body comes without its frontmatter.
    const options = { features: { gfm: true, frontmatter: false } };
    tree = format === "mdx" ? mdxToMdast(source, options) : markdownToMdast(source, options);
  } catch (error) {
    return [parseProblem(error)];
  }
  const problems: MdxProblem[] = [];
  walk(tree, policy, problems);
  return problems;
}
