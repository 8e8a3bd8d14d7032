/**
 * The plugin's PHP copy of the accent rule (wordpress/reconnect-kit/includes/contrast.php) gives
 * the answers of src/lib/contrast.ts, reason text included, for one table of colours. Skipped
 * without PHP, except where RECONNECT_KIT_WORDPRESS=required (.ci/run).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { checkAccent, type Scheme } from "../../src/lib/contrast.ts";

const PHP = "/usr/bin/php";
const CONTRAST_PHP = resolve(import.meta.dirname, "../../wordpress/reconnect-kit/includes/contrast.php");
const REQUIRED = process.env["RECONNECT_KIT_WORDPRESS"] === "required";

const COLORS = [
  "#7a1f5c",
  "#f0a8d8",
  "#0b5cad",
  "#8cc4ff",
  "#777777",
  "#767676",
  "#595959",
  "#cccccc",
  "#fff",
  "#000",
  "#ABC",
  "#1a1d21",
  "#ff0000",
  "#00ff00",
  "#0000ff",
  "#e60073",
  "rgb(170, 0, 85)",
  "rgb(1 2 3)",
  "rgb(300, 0, 0)",
  "red",
  "#12",
  "",
  " #7a1f5c ",
];
const SCHEMES: Scheme[] = ["light", "dark"];

test.runIf(existsSync(PHP) || REQUIRED)("PHP and TypeScript agree on every colour, in both schemes", () => {
  const cases = COLORS.flatMap((color) => SCHEMES.map((scheme) => [color, scheme] as const));
  const script = `define('RECONNECT_KIT_TESTING', true); require ${JSON.stringify(CONTRAST_PHP)};
    $out = array();
    foreach (json_decode(stream_get_contents(STDIN), true) as $c) { $out[] = reconnect_kit_check_accent($c[0], $c[1]); }
    echo json_encode($out);`;
  const answers = JSON.parse(
    execFileSync(PHP, ["-r", script], { input: JSON.stringify(cases), encoding: "utf8" }),
  ) as { ok: boolean; on_accent?: string; reason?: string }[];
  const php = answers.map((a) =>
    a.ok ? { ok: true, onAccent: a.on_accent } : { ok: false, reason: a.reason },
  );
  expect(php).toEqual(cases.map(([color, scheme]) => checkAccent(color, scheme)));
});
