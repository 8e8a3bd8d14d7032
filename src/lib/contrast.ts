/**
 * WCAG 2.2 contrast between two colours, for checking a firm's brand colours at build time.
 * Formulas: https://www.w3.org/TR/WCAG22/#dfn-relative-luminance and #dfn-contrast-ratio
 */
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function parseHexColor(hex: string): [number, number, number] | undefined {
  const match = HEX.exec(hex.trim());
  if (match === null) return undefined;
  const digits = match[1] ?? "";
  const full = digits.length === 3 ? digits.replace(/./g, "$&$&") : digits;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio, from 1 (none) to 21 (black on white); undefined for an unreadable colour. */
export function contrastRatio(foreground: string, background: string): number | undefined {
  const fg = parseHexColor(foreground);
  const bg = parseHexColor(background);
  if (fg === undefined || bg === undefined) return undefined;
  const [light, dark] = [relativeLuminance(fg), relativeLuminance(bg)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text (1.4.3). */
export const AA_TEXT = 4.5;
