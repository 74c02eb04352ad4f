// /sok.json: the header search's index (src/site/searchIndex), fetched only when the field is used.
import type { APIRoute } from 'astro';
import { searchIndex } from '../site/searchIndex';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(searchIndex()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
