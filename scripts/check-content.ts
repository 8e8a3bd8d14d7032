/** `npm run check:content`: the build's content checks alone, in about a second. */
import { checkLibrary, formatProblems } from "../src/build/content-check.ts";

const { problems, tactics, templates, fields } = checkLibrary(process.cwd());
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Content OK: ${tactics.size} tactics, ${templates.size} templates, ${fields.length} fields.`);
