/**
 * The widget's stylesheet as text, and the --rk-* custom properties it reads (the public theming
 * API, listed on the embed page). src/widget/sheet.ts adopts it in each shadow root as a
 * constructed CSSStyleSheet, which a host's style-src 'self' does not block.
 *
 * Robust on a hostile page: `:host { all: initial }` drops what the page set on the element, and
 * the container resets everything inherited again, because the page's own `!important` rules on the
 * element win over :host. Sizes are in em from a font size the page cannot reach, and breakpoints
 * in px (an em in a container query would use the page's font size), never rem. `all` leaves
 * out direction (and unicode-bidi; CSS Cascade 4, §3.1), so it is set on both: on a right-to-left page
 * (dir="rtl", or direction: rtl on any ancestor) the widget's English still reads left to right.
 */
import { parseHexColor, readableTextOn } from "../contrast.ts";

/**
 * Custom properties a host may set, each with its light default: --rk-<name> for the light
 * scheme, --rk-dark-<name> for the dark one. One value for both would put a host's light
 * background behind the dark scheme's light text.
 */
const LIGHT = {
  accent: "", // both filled from the site's brand colours
  "on-accent": "",
  bg: "#fff",
  surface: "#f3f5f8",
  text: "#1a1d21",
  "text-soft": "#4a5260",
  border: "#c9d0da",
  focus: "#b34700",
  "missing-bg": "#fff4d6",
  "missing-text": "#5c3d00",
  "filled-bg": "#e3f1e6",
  "filled-text": "#14401f",
  ok: "#17612d",
  danger: "#a4161a",
};

const DARK: typeof LIGHT = {
  accent: "",
  "on-accent": "",
  bg: "#121417",
  surface: "#1d2127",
  text: "#eceff3",
  "text-soft": "#b5bdc9",
  border: "#3b424d",
  focus: "#ffb37a",
  "missing-bg": "#3d2f0b",
  "missing-text": "#ffe4a3",
  "filled-bg": "#16331e",
  "filled-text": "#c4efcf",
  ok: "#8fe0a5",
  danger: "#ff8a8e",
};

/**
 * Every --rk-* property, for the docs and the embed page. Marked pure so the widget bundle,
 * which never lists them, leaves the list out.
 */
export const CUSTOM_PROPERTIES: readonly string[] = /* @__PURE__ */ (() => [
  ...Object.keys(LIGHT).flatMap((n) => [`--rk-${n}`, `--rk-dark-${n}`]),
  "--rk-radius",
  "--rk-font",
  "--rk-font-size",
])();

/** A scheme's colours with the site's accent for it, and the text that reads on that accent. */
function withAccent(colors: typeof LIGHT, accent: string): typeof LIGHT {
  const rgb = parseHexColor(accent);
  if (rgb === undefined) throw new Error(`The widget's accent ${accent} is not a hex colour`);
  return { ...colors, accent, "on-accent": readableTextOn(rgb) };
}

/**
 * The whole sheet, made at build time (src/build/widget-integration.ts) from the site's two
 * accents, which site.config.ts has already checked for contrast.
 *
 * The rules below name a colour as var(--_name); each becomes, where it is used, the host's
 * --rk-name or --rk-dark-name with our default behind each, through light-dark(): it picks by
 * the color-scheme of the element it colours, so one sheet serves the light, dark and auto (the
 * reader's setting) themes. Written out at each use rather than kept once in a private custom
 * property: the repeats cost gzip next to nothing, the sixteen declarations and their names did.
 */
export function widgetCss(accent: string, accentDark: string): string {
  const light = withAccent(LIGHT, accent);
  const dark = withAccent(DARK, accentDark);
  return sheet().replace(/var\(--_([a-z-]+)\)/g, (_, name: string) => {
    if (!Object.hasOwn(light, name)) throw new Error(`The widget's sheet names an unknown colour --_${name}`);
    const key = name as keyof typeof LIGHT;
    return `light-dark(var(--rk-${name},${light[key]}),var(--rk-dark-${name},${dark[key]}))`;
  });
}

/** --rk-radius, or 8px; like the colours, written out wherever it is used. */
const RADIUS = "var(--rk-radius,8px)";

function sheet(): string {
  // Each line ends in a backslash: a line continuation, so the sheet carries no newlines
  // (bytes in widget.js) while the source keeps one rule per line.
  return `\
:host{all:initial;direction:ltr;display:block;container-type:inline-size}\
:host([hidden]),[hidden]{display:none!important}\
*{box-sizing:border-box;margin:0}\
.rk{all:initial;direction:ltr;display:block;box-sizing:border-box;color-scheme:light dark;\
font-family:var(--rk-font,system-ui,sans-serif);\
font-size:var(--rk-font-size,medium);line-height:1.5;color:var(--_text);background:var(--_bg);\
border:1px solid var(--_border);border-radius:${RADIUS};padding:1em;text-align:start;overflow-wrap:break-word}\
.rk[data-theme=light]{color-scheme:light}\
.rk[data-theme=dark]{color-scheme:dark}\
.pick-bar,.field,.off{display:grid;gap:.25em}\
.pick-bar{margin-block-end:1em}\
.pick reconnect-template::part(container){border:0;padding:0}\
.title{font-size:1.25em;line-height:1.25;font-weight:700}\
.soft,.hint,.opt,.foot,.summary{color:var(--_text-soft)}\
.soft,.hint,.opt,.foot,.meter,.off{font-size:.875em;font-weight:400}\
.grid{display:grid;gap:1em;align-items:start}\
.grid,.foot{margin-block-start:1em}\
@container (min-width:640px){.grid{grid-template-columns:minmax(0,1fr) minmax(0,1.3fr)}}\
.col,fieldset,details{display:grid;gap:1em;min-inline-size:0}\
fieldset{border:0;padding:0}\
legend,.subhead{font-weight:700;font-size:1.1em;line-height:1.3;padding:0}\
input,textarea,select,button{font:inherit}\
input,textarea,select{inline-size:100%;min-block-size:2.75em;padding:.5em;color:var(--_text);background:var(--_bg);border:1px solid var(--_text-soft);border-radius:${RADIUS};resize:vertical}\
details{border:1px solid var(--_border);border-radius:${RADIUS};padding:0 1em}\
details[open]{padding-block-end:1em}\
summary{cursor:pointer;padding-block:.6em}\
.message{border:1px solid var(--_border);border-radius:${RADIUS};background:var(--_surface);padding:1em}\
.subject{padding-block-end:.5em;margin-block-end:1em;border-block-end:1px solid var(--_border)}\
.text{white-space:pre-wrap;overflow-wrap:anywhere}\
.missing{background:var(--_missing-bg);color:var(--_missing-text);border-block-end:2px dashed;border-radius:.2em;padding-inline:.15em}\
.filled{background:var(--_filled-bg);color:var(--_filled-text);border-radius:.2em}\
.meter{padding-inline-start:.5em;border-inline-start:4px solid var(--_ok)}\
.over{border-inline-start-color:var(--_danger)}\
label,summary,.subject,.over,.status{font-weight:600}\
.actions,.foot{display:flex;flex-wrap:wrap;gap:.5em;align-items:center}\
.button,button{display:inline-flex;align-items:center;min-block-size:2.75em;padding:.5em 1em;border-radius:${RADIUS};border:2px solid var(--_accent);background:var(--_accent);color:var(--_on-accent);font-weight:600;text-decoration:none;cursor:pointer;line-height:1.2}\
.quiet{background:none;color:var(--_accent)}\
button:disabled{opacity:.6;cursor:not-allowed}\
a{color:var(--_accent);text-underline-offset:.15em}\
:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}\
.vh{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
`;
}
