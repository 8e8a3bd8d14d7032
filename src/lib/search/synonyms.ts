/**
 * The words people use for the same thing in this field, each group rewritten to the one word
 * the library itself uses, before Pagefind sees the query. Pagefind needs every word of a query
 * on a page, so "ask my old boss" finds nothing in pages that say "former manager"; rewritten to
 * "manager" it does. The build runs each template's search phrases through the same map
 * (src/build/search-index.ts), so a phrase written as "my boss" is found by "my supervisor".
 *
 * Rules for an entry, checked by tests/unit/search-query.test.ts: the first phrase is the word
 * the content uses; no phrase appears in two groups; a group's first phrase never contains one
 * of the others, so rewriting twice changes nothing.
 */
import { wordsOf } from "./words.ts";

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["manager", "boss", "supervisor", "team lead", "team leader", "line manager"],
  ["former", "previous", "ex"],
  ["coworker", "co worker", "colleague", "workmate", "teammate"],
  ["reference", "referee", "vouch"],
  [
    "didnt get the job",
    "did not get the job",
    "not selected",
    "wasnt selected",
    "not hired",
    "wasnt hired",
    "got rejected",
    "was rejected",
    "didnt get it",
  ],
  ["got the job", "got hired", "hired", "landed the job", "landed a job", "got the offer", "got an offer"],
  ["text", "sms", "text message", "txt"],
  ["email", "e mail"],
  ["linkedin", "linked in"],
  ["facebook", "fb"],
  ["instagram", "insta", "ig"],
  ["message", "dm", "direct message"],
  ["voicemail", "voice mail", "voice message"],
  ["invitation", "connection request", "connect request", "request to connect", "invite to connect"],
  ["congratulations", "congrats", "congratulation"],
  [
    "no reply",
    "no response",
    "no answer",
    "ghosted",
    "didnt reply",
    "didnt respond",
    "didnt answer",
    "havent heard back",
    "not heard back",
    "never replied",
    "never heard back",
  ],
  ["said no", "says no", "say no", "declined", "refused", "turned down", "turned me down"],
];

interface Rule {
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** Every variant with what it becomes, longest first, so "text message" wins over "text". */
const RULES: readonly Rule[] = SYNONYM_GROUPS.flatMap(([canonical = "", ...variants]) =>
  variants.map((variant) => ({ from: wordsOf(variant), to: wordsOf(canonical) })),
).sort((a, b) => b.from.length - a.from.length);

function matchesAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((word, i) => words[at + i] === word);
}

/** One pass: each variant replaced by its group's word, longest variant first. */
function replaceOnce(words: readonly string[]): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < words.length) {
    const rule = RULES.find((r) => matchesAt(words, at, r.from));
    if (rule === undefined) {
      out.push(words[at] ?? "");
      at += 1;
    } else {
      out.push(...rule.to);
      at += rule.from.length;
    }
  }
  return out;
}

/**
 * The words with each variant replaced by its group's word: ["my", "boss"] → ["my", "manager"].
 * Repeated until nothing changes, since one replacement can make another's variant: "txt dm"
 * becomes "text message", itself a variant of "text". No group's word leads back to a variant
 * of itself, so this settles in a pass or two; the bound only guards against a future cycle.
 */
export function applySynonyms(words: readonly string[]): string[] {
  let current = [...words];
  for (let pass = 0; pass < 8; pass += 1) {
    const next = replaceOnce(current);
    if (next.join(" ") === current.join(" ")) return next;
    current = next;
  }
  return current;
}

/** Every word a rewrite can produce, for the spelling check: they are never typos. */
export const SYNONYM_WORDS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flat().flatMap(wordsOf));
