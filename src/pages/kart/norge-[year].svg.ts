// /kart/norge-<år>.svg: the country's outline under every kommune page's locator of that year,
// one file the pages share instead of the same ~3 KB inline on each (issue 17 §4).
import type { APIRoute } from 'astro';
import { mapGeometry, years } from '../../site/data';
import { renderLocatorOutline } from '../../draw/map/choropleth';
import { LOCATOR_WIDTH } from '../../site/figures/common';

export function getStaticPaths() {
  return years().filter((year) => mapGeometry(year)).map((year) => ({ params: { year: String(year) }, props: { year } }));
}

export const GET: APIRoute = ({ props }) => {
  const geometry = mapGeometry((props as { year: number }).year)!;
  return new Response(renderLocatorOutline(geometry, LOCATOR_WIDTH), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
