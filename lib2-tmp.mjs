import { LocalLinter, Dialect } from "harper.js";
import { binary } from "harper.js/binary";
const linter = new LocalLinter({ binary, dialect: Dialect.American });
const texts = process.argv.slice(2);
for (const t of texts) {
  const o = await linter.organizedLints(t, { language: "plaintext" });
  console.log(JSON.stringify(t), Object.entries(o).filter(([r,ls])=>ls.length>0).map(([r, ls]) => `${r}:${ls.map(l=>l.get_problem_text()).join("/")}`).join("; ") || "OK");
}
