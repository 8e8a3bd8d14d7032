/**
 * JSON for a <script type="application/json"> (or ld+json) data block. "<" is escaped, so no
 * string in the data can close the script element early or open a comment.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
