/** The widget's presentation attributes, read defensively: a bad value falls back to the default. */
import { textOnAccent } from "../lib/contrast.ts";

export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function themeOf(value: string | null): Theme {
  const theme = value?.trim().toLowerCase() ?? "";
  return (THEMES as readonly string[]).includes(theme) ? (theme as Theme) : "auto";
}

/**
 * The custom properties accent="..." (light scheme) and accent-dark="..." (dark scheme) set on
 * the styled container: each scheme's accent and the text that reads on it, or undefined to keep
 * the site's for that scheme. A colour that is not hex or is under WCAG AA on its scheme's
 * background (src/lib/contrast.ts) is refused, and `warn` says so; the snippet maker on the
 * site's /embed/ page gives the ratio.
 */
export function accentProperties(
  accent: string | null,
  accentDark: string | null,
  warn: (message: string) => void,
): [string, string | undefined][] {
  const properties: [string, string | undefined][] = [];
  for (const [scheme, name, value, prefix] of [
    ["light", "accent", accent, "--rk-"],
    ["dark", "accent-dark", accentDark, "--rk-dark-"],
  ] as const) {
    const color = value?.trim() ?? "";
    const text = color === "" ? undefined : textOnAccent(color, scheme);
    if (color !== "" && text === undefined)
      warn(
        `${name}="${color}" is not used: WCAG AA needs a hex colour with 4.5:1 contrast on the ${scheme} background.`,
      );
    properties.push([`${prefix}accent`, text && color], [`${prefix}on-accent`, text]);
  }
  return properties;
}

/** radius="8", "8px", "0.5em" or "50%"; a bare number means pixels. */
export function lengthOf(value: string | null): string | undefined {
  const match = /^(\d{1,3}(?:\.\d+)?)(px|em|%)?$/.exec(value?.trim() ?? "");
  if (match === null) return undefined;
  return `${match[1] ?? "0"}${match[2] ?? "px"}`;
}

/** heading-level="2" to "6"; the template's title is an <h2> unless the host says otherwise. */
export function headingLevelOf(value: string | null): 2 | 3 | 4 | 5 | 6 {
  const level = Number(value);
  return level === 3 || level === 4 || level === 5 || level === 6 ? level : 2;
}
