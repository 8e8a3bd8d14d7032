/** The widget's presentation attributes, read defensively: a bad value falls back to the default. */

export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function themeOf(value: string | null): Theme {
  const theme = value?.trim().toLowerCase() ?? "";
  return (THEMES as readonly string[]).includes(theme) ? (theme as Theme) : "auto";
}

/**
 * A colour for accent="...". The browser is the judge (CSS.supports) where there is one, so
 * every CSS colour works; the value is only ever set through the CSSOM, never into a stylesheet.
 */
export function colorOf(
  value: string | null,
  supports: (color: string) => boolean = (color) => CSS.supports("color", color),
): string | undefined {
  const color = value?.trim() ?? "";
  return color !== "" && supports(color) ? color : undefined;
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
