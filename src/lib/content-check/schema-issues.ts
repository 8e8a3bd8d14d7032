/**
 * A schema's complaint about a frontmatter value, in the words of the person who wrote the file.
 * The schemas are Zod's, but an editor should never read "Invalid input: expected string,
 * received undefined": each kind of issue becomes a sentence saying what was found, then how to
 * fix it. Messages the schemas write themselves (a regex's or a refinement's) are already in
 * plain words and are kept. Like Starlight's error map (packages/starlight/utils/error-map.ts),
 * this is the one place where schema terms turn into sentences.
 *
 * The shape below is the part of a Zod 4 issue this reads ($ZodIssue in zod/v4/core); it is
 * written out so src/lib needs no Zod.
 */

export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** invalid_type: the type wanted ("string", "number", "array"...). */
  readonly expected?: unknown;
  /** invalid_value: the allowed values. */
  readonly values?: readonly unknown[];
  /** too_small / too_big: what was measured ("string", "number", "array"...). */
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

export interface SchemaValidator<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

export interface PlainIssue {
  /** The key as an editor sees it: "title", "searchPhrases (item 2)". */
  readonly key: string;
  readonly message: string;
  readonly fix: string;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "some text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list, such as [a, b]",
  object: "a group of keys",
};

/** The value at `path` in `data`, or undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    value =
      typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

/** A value as it would be written in the file, quoted when it is text. */
function shown(value: unknown): string {
  // An unquoted date reaches the check as a timestamp (YAML reads it so): show it as it was written.
  const date = typeof value === "string" ? /^(\d{4}-\d\d-\d\d)T00:00:00\.000Z$/.exec(value) : null;
  if (date !== null) return `${date[1] ?? ""} (written without quotes, so it is read as a date, not as text)`;
  if (typeof value === "string") return `"${value}"`;
  if (Array.isArray(value)) return `[${value.map(shown).join(", ")}]`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === undefined ? "nothing" : JSON.stringify(value);
}

/** "searchPhrases (item 2)" for ["searchPhrases", 1]: lists count from one for people. */
export function keyName(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path;
  if (first === undefined) return "";
  return rest.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name} (item ${key + 1})` : `${name}.${String(key)}`),
    String(first),
  );
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

function sizeWords(origin: unknown, count: number): string {
  if (origin === "string") return plural(count, "character", "characters");
  if (origin === "array" || origin === "set") return plural(count, "item", "items");
  return String(count);
}

function measured(origin: unknown, value: unknown): string {
  if (typeof value === "string") return `it has ${sizeWords("string", value.length)}`;
  if (Array.isArray(value)) return `it has ${sizeWords("array", value.length)}`;
  return origin === "number" ? `it is ${shown(value)}` : "";
}

/** Zod's own messages start so; any other message was written for people, in the schema. */
const ZOD_WORDING = /^(?:Invalid|Too (?:big|small)|Unrecognized|Expected)\b/;

/**
 * One schema issue as a sentence and a fix, for the key it is about. A message the schema wrote
 * itself ("say whose detail this is: …") is the better fix, so it replaces the generic one.
 */
export function plainIssue(issue: SchemaIssue, data: unknown): PlainIssue {
  const plain = plainWords(issue, data);
  return ZOD_WORDING.test(issue.message) || issue.message === "" ? plain : { ...plain, fix: issue.message };
}

function plainWords(issue: SchemaIssue, data: unknown): PlainIssue {
  const key = keyName(issue.path);
  const label = key === "" ? "the frontmatter" : `\`${key}\``;
  const found = valueAt(data, issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const wanted = TYPE_WORDS[String(issue.expected)] ?? String(issue.expected);
      if (found === undefined || found === null) {
        return key === ""
          ? {
              key,
              message: "the frontmatter is empty",
              fix: "write title, summary and the other keys between the two --- lines",
            }
          : { key, message: `${label} is missing`, fix: `add a line \`${key}: …\` with ${wanted}` };
      }
      return { key, message: `${label} is ${shown(found)}, not ${wanted}`, fix: `write ${wanted} there` };
    }
    case "invalid_value": {
      const choices = (issue.values ?? []).map(String);
      if (found === undefined)
        return {
          key,
          message: `${label} is missing`,
          fix: `add a line \`${key}: …\` with one of: ${choices.join(", ")}`,
        };
      return {
        key,
        message: `${label} is ${shown(found)}, which is not one of its choices`,
        fix: `write one of: ${choices.join(", ")}`,
      };
    }
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string" && minimum <= 1)
        return { key, message: `${label} is empty`, fix: `write something after \`${key}:\`` };
      if (issue.origin === "number")
        return {
          key,
          message: `${label} is ${shown(found)}, below the smallest allowed, ${minimum}`,
          fix: `use a number from ${minimum} up`,
        };
      return {
        key,
        message: `${label} is too short: ${measured(issue.origin, found)}`,
        fix: `give it at least ${sizeWords(issue.origin, minimum)}`,
      };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "number")
        return {
          key,
          message: `${label} is ${shown(found)}, above the largest allowed, ${maximum}`,
          fix: `use a number up to ${maximum}`,
        };
      return {
        key,
        message: `${label} is too long: ${measured(issue.origin, found)}`,
        fix: `keep it to ${sizeWords(issue.origin, maximum)} or fewer`,
      };
    }
    case "unrecognized_keys":
      return { key, message: `${label} has keys it does not use`, fix: "delete the keys it does not list" };
    default:
      // A regex or refinement message, written for people in the schema: keep it as the fix.
      return {
        key,
        message: `${label} is ${found === undefined ? "missing" : shown(found)}`,
        fix: issue.message,
      };
  }
}
