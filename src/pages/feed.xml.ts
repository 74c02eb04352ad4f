// Atom feed (RFC 4287) of /endringslogg/: every publication and correction, newest first.
import type { APIRoute } from 'astro';
import { identity } from '../site/data';
import { siteChangelog } from '../site/changelog';
import { absoluteUrl, endringsloggPath, feedPath, yearPath } from '../site/urls';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = ({ site }) => {
  const who = identity();
  const origin = site?.href ?? `${who.siteUrl}/`;
  const abs = (p: string) => esc(absoluteUrl(origin, p));
  const entries = siteChangelog();
  const updated = entries.map((e) => e.date).sort().at(-1) ?? '1970-01-01';
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">',
    `  <title>${esc(who.title)}: publiseringer og rettelser</title>`,
    `  <id>${abs(feedPath())}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${abs(feedPath())}"/>`,
    `  <link rel="alternate" type="text/html" href="${abs(endringsloggPath())}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    `  <author><name>${esc(who.publisher)}</name></author>`,
    `  <rights>${esc(who.licence.name)}</rights>`,
    ...entries.map((e) => [
      '  <entry>',
      `    <title>${esc(e.title)}</title>`,
      `    <id>${abs(endringsloggPath())}#${e.id}</id>`,
      `    <link rel="alternate" type="text/html" href="${abs(yearPath(e.year))}"/>`,
      `    <updated>${e.date}T00:00:00Z</updated>`,
      `    <summary type="text">${esc(e.text.join(' '))}</summary>`,
      '  </entry>',
    ].join('\n')),
    '</feed>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
