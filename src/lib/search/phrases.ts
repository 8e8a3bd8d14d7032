/**
 * The search phrases of a template (its `searchPhrases` front matter) as the index holds them:
 * each phrase as written and, when the synonym map changes it, as the query side will search it
 * ("my old boss" and "my old manager"), so both agree whatever words an editor chose.
 */
import { applySynonyms } from "./synonyms.ts";
import { wordsOf } from "./words.ts";

/** Pagefind meta key for the phrases; the UI gives it a weight (src/client/search-ui.ts). */
export const PHRASES_META = "phrases";

export function indexedPhrases(phrases: readonly string[] | undefined): string | undefined {
  if (phrases === undefined || phrases.length === 0) return undefined;
  const all = phrases.flatMap((phrase) => {
    const words = wordsOf(phrase);
    return [words.join(" "), applySynonyms(words).join(" ")];
  });
  return [...new Set(all)].join("; ");
}
