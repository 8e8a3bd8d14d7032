/**
 * WCAG 2.2 contrast, and the one rule for a brand accent: it must read as text on the scheme's
 * background (links are the accent on the background) at AA, and the text on an accent button
 * is whichever of white or black reads better on it. The site config, the snippet generator, the
 * widget, the iframe embed and the WordPress plugin all ask this module (the plugin's PHP copy
 * is checked against it colour by colour in tests/unit/wordpress-contrast.test.ts).
 * Formulas: https://www.w3.org/TR/WCAG22/#dfn-relative-luminance and #dfn-contrast-ratio
 */
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export type Rgb = [number, number, number];

export function parseHexColor(hex: string): Rgb | undefined {
  const match = HEX.exec(hex.trim());
  if (match === null) return undefined;
  const digits = match[1] ?? "";
  const full = digits.length === 3 ? digits.replace(/./g, "$&$&") : digits;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function ratioOf(a: Rgb, b: Rgb): number {
  const x = relativeLuminance(a) + 0.05;
  const y = relativeLuminance(b) + 0.05;
  return x > y ? x / y : y / x;
}

/** The contrast ratio, from 1 (none) to 21 (black on white); undefined for an unreadable colour. */
export function contrastRatio(foreground: string, background: string): number | undefined {
  const fg = parseHexColor(foreground);
  const bg = parseHexColor(background);
  return fg === undefined || bg === undefined ? undefined : ratioOf(fg, bg);
}

/** WCAG AA for normal text (1.4.3). */
export const AA_TEXT = 4.5;

export type Scheme = "light" | "dark";

/**
 * The page backgrounds of the two schemes, the site's and the widget's alike (tokens.css and
 * widget-css.ts use these values).
 */
export const SCHEME_BACKGROUNDS: Readonly<Record<Scheme, string>> = { light: "#ffffff", dark: "#121417" };

/**
 * White or black, whichever reads better on `color`. One of the two always reaches AA: the
 * larger of the two ratios is at least 4.58:1 for any colour.
 */
export function readableTextOn(color: Rgb): "#fff" | "#000" {
  // White's ratio (1.05 / (L + 0.05)) is at least black's ((L + 0.05) / 0.05) exactly when
  // L + 0.05 <= sqrt(1.05 * 0.05).
  return relativeLuminance(color) + 0.05 <= Math.sqrt(0.0525) ? "#fff" : "#000";
}

/**
 * The text for `color` as the accent of `scheme` (white or black), or undefined when it is not a
 * hex colour or does not reach AA on that scheme's background. The widget asks only this, so it
 * carries no reason texts; checkAccent says why.
 */
export function textOnAccent(color: string, scheme: Scheme): "#fff" | "#000" | undefined {
  const rgb = parseHexColor(color);
  return rgb !== undefined && ratioOf(rgb, parseHexColor(SCHEME_BACKGROUNDS[scheme]) ?? [0, 0, 0]) >= AA_TEXT
    ? readableTextOn(rgb)
    : undefined;
}

export type AccentCheck =
  { readonly ok: true; readonly onAccent: "#fff" | "#000" } | { readonly ok: false; readonly reason: string };

/**
 * Whether `color` may be the accent in `scheme`: readable at AA on that scheme's background,
 * with the text to put on it; otherwise the reason, in words a person can act on.
 */
export function checkAccent(color: string, scheme: Scheme): AccentCheck {
  const onAccent = textOnAccent(color, scheme);
  if (onAccent !== undefined) return { ok: true, onAccent };
  const background = SCHEME_BACKGROUNDS[scheme];
  const ratio = contrastRatio(color, background);
  return {
    ok: false,
    reason:
      ratio === undefined
        ? `"${color}" is not a colour this check reads; write it as #rrggbb`
        : `${color} on the ${scheme} background ${background} has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs ${AA_TEXT}:1 for text. Pick a ${scheme === "light" ? "darker" : "lighter"} shade`,
  };
}
