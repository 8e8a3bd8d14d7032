/**
 * The default image for link previews (Open Graph, Twitter cards): 1200 x 630, drawn at build
 * from the brand settings. Text uses the machine's own sans-serif font; nothing is fetched.
 */
import type { APIRoute } from "astro";
import sharp from "sharp";
import { escapeXml } from "../lib/xml.ts";
import { site } from "../config.ts";

/** Breaks the tagline into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

export const GET: APIRoute = async () => {
  const tagline = wrap(site.tagline, 44)
    .slice(0, 3)
    .map((line, i) => `<tspan x="96" dy="${i === 0 ? 0 : 56}">${escapeXml(line)}</tspan>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="${site.colors.accent}"/>
  <path d="M96 150a40 40 0 0 1 40-40h120a40 40 0 0 1 40 40v70a40 40 0 0 1-40 40h-60l-70 50v-50h-0a40 40 0 0 1-30-40z" fill="#ffffff"/>
  <text x="96" y="390" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="76" font-weight="700" fill="#ffffff">${escapeXml(site.name)}</text>
  <text x="96" y="470" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="40" fill="#ffffff">${tagline}</text>
</svg>`;
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
