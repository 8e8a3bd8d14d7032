/**
 * What the iframe embed (/embed/frame/) reads from its own address beyond the resize message
 * of frame.ts: its brand options, and WordPress's embed secret. Apart from frame.ts so that a
 * plain embed, which loads frame.ts at once, does not load the contrast rule with it
 * (src/client/embed-frame.ts loads this when the address asks for it).
 */
import { textOnAccent } from "../contrast.ts";

/**
 * WordPress's own embed protocol (wp-includes/js/wp-embed.js, 6.1): the host adds
 * "#?secret=<10 letters and digits>" to the iframe's address and accepts
 * { message: "height", value, secret } from it (clamped to 200 to 1,000 px), and, while the iframe
 * has focus, { message: "link", value: url, secret } to open a page of the frame's own host in
 * the whole window; it sends { message: "ready", secret } once it listens. The secret, or
 * undefined when the page is not in a WordPress embed.
 */
export function wordPressSecret(hash: string): string | undefined {
  return /^#\?secret=([a-zA-Z0-9]{1,64})$/.exec(hash)?.[1];
}

export interface WordPressMessage {
  readonly message: "height" | "link";
  readonly value: number | string;
  readonly secret: string;
}

/** The brand options the iframe takes from its address, checked as the widget checks them. */
export interface EmbedLook {
  readonly theme?: "light" | "dark";
  /** Custom properties for the page's root: the brand accents of src/styles/tokens.css. */
  readonly properties: readonly (readonly [string, string])[];
  /** Why an option was not used, for the console. */
  readonly problems: readonly string[];
}

/**
 * ?theme=light|dark, ?accent=#rrggbb (light scheme), ?accent-dark=#rrggbb (dark scheme). An
 * accent that is not hex or is under WCAG AA on its scheme's background is refused, as by the
 * widget (textOnAccent carries no reason texts into the page; the snippet maker gives the ratio).
 */
export function embedLook(search: string): EmbedLook {
  const params = new URLSearchParams(search);
  const theme = params.get("theme");
  const properties: [string, string][] = [];
  const problems: string[] = [];
  for (const [name, scheme, property] of [
    ["accent", "light", "--brand-accent"],
    ["accent-dark", "dark", "--brand-accent-dark"],
  ] as const) {
    const color = params.get(name)?.trim() ?? "";
    if (color === "") continue;
    if (textOnAccent(color, scheme) !== undefined) properties.push([property, color]);
    else
      problems.push(
        `${name}=${color} is not used: it must be a hex colour with WCAG AA contrast (4.5:1) on the ${scheme} background.`,
      );
  }
  return { ...(theme === "light" || theme === "dark" ? { theme } : {}), properties, problems };
}
