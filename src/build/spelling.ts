/**
 * Spelling, for `npm run check:content`: CSpell over every content file with the project's
 * settings (cspell.json: US English, the words in project-words.txt, Mustache tags and addresses
 * skipped), each unknown word reported like the other content problems: the file, the line and
 * column, the word and the fix. The same settings run in `npm test` (tests/content/spelling.test.ts).
 * Node only; not part of the build, which it would slow for no gain once this has passed.
 */
import { lint } from "cspell";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem } from "../lib/content-check/check.ts";

export const CONTENT_GLOB = "src/content/**/*.{md,mdx,yaml}";

/** Every unknown word in the content under `root`, checked with `root`'s cspell.json. */
export async function spellingProblems(root: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  await lint(
    [CONTENT_GLOB],
    { root, config: join(root, "cspell.json"), progress: false, cache: false, gitignore: false },
    {
      issue: (issue) => {
        const file =
          issue.uri === undefined ? "" : relative(root, fileURLToPath(issue.uri)).replace(/\\/g, "/");
        const suggestion = issue.suggestionsEx?.[0]?.word ?? issue.suggestions?.[0];
        problems.push({
          file,
          line: issue.row,
          column: issue.col,
          message: `"${issue.text}" is not a word the spelling check knows`,
          fix: `${suggestion === undefined ? "Check the spelling" : `Did you mean "${suggestion}"?`} If it is right (a name, a term of the trade), add it to project-words.txt, one word a line`,
        });
      },
      info: () => undefined,
      debug: () => undefined,
      error: () => undefined,
      progress: () => undefined,
      result: () => undefined,
    },
  );
  return problems;
}
