/** An RSS 2.0 feed (https://www.rssboard.org/rss-specification) of the site's guides and templates. */
import { escapeXml } from "./xml.ts";

export interface FeedItem {
  readonly title: string;
  readonly url: string;
  readonly description: string;
  readonly category: string;
}

export function rssXml(
  channel: { title: string; url: string; description: string; language: string; selfUrl: string },
  items: readonly FeedItem[],
): string {
  const entries = items
    .map(
      (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="true">${escapeXml(item.url)}</guid>
      <description>${escapeXml(item.description)}</description>
      <category>${escapeXml(item.category)}</category>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.url)}</link>
    <description>${escapeXml(channel.description)}</description>
    <language>${escapeXml(channel.language)}</language>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
${entries}
  </channel>
</rss>
`;
}
