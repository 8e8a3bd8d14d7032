/**
 * The one rule for the names of files made on the device (a message as .txt, a plan as .ics):
 * short, plain, and valid on Windows, macOS and Linux whatever a person typed.
 *
 * - Letters are folded to ASCII ("Zoë" -> "zoe") and every other run of characters becomes one
 *   "-", so no character a system reserves survives (Windows: < > : " / \ | ? * and controls;
 *   macOS: ":"; Linux: "/"), and a name never ends in a dot or a space, which Windows drops.
 * - At most MAX_FILE_STEM characters before the extension: a name typed 1,000 characters long
 *   would pass every file system's 255-byte limit, and each browser cuts it differently.
 * - Windows reserves CON, PRN, AUX, NUL, COM0-9 and LPT0-9 whatever the extension
 *   (https://learn.microsoft.com/windows/win32/fileio/naming-a-file), so those get "-file".
 */

export const MAX_FILE_STEM = 80;

const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/;

function stemOf(text: string): string {
  // Accents come apart under NFKD and are dropped; runs of anything else are one "-" each.
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-/, "");
  return slug.slice(0, MAX_FILE_STEM).replace(/-$/, "");
}

/**
 * `text` as a file name ending in `.extension` (a constant such as "txt"), or `fallback` put
 * through the same rule when nothing of `text` is left (a name typed in Chinese, or only emoji).
 */
export function safeFileName(text: string, extension: string, fallback = "reconnect-kit"): string {
  const stem = stemOf(text) || stemOf(fallback) || "file";
  return `${RESERVED.test(stem) ? `${stem}-file` : stem}.${extension}`;
}
