/**
 * `npm run check:content`: the build's content checks and the spelling check, in a few seconds,
 * each problem with its file, line and fix.
 */
import { checkLibrary, formatProblems } from "../src/build/content-check.ts";
import { spellingProblems } from "../src/build/spelling.ts";

const root = process.cwd();
const { problems, tactics, templates, fields } = checkLibrary(root);
const all = [...problems, ...(await spellingProblems(root))];
if (all.length > 0) {
  console.error(formatProblems(all));
  process.exit(1);
}
console.log(
  `Content OK: ${String(tactics.size)} tactics, ${String(templates.size)} templates, ${String(fields.length)} fields, spelling checked.`,
);
