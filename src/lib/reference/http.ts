// HTTP for the reference download, with `fetch` and the clock injected so tests run without
// network and without waiting. Polite to SSB's APIs (PxWebApi 2 allows 30 queries per minute per
// IP): 429 and 5xx are retried with exponential backoff, honouring `Retry-After`; a request that
// fails at the network or gets no answer within `timeoutMs` is retried the same way, and only
// when every attempt failed is the machine reported offline. Every request prints one progress line.
import { ReferenceDownloadError, ReferenceOfflineError } from './errors';
import { REFERENCE_CACHE, REFERENCE_ENV, REFERENCE_FILES } from './resolve';

export interface FetchResponseLike {
  ok: boolean;
  status: number;
  statusText?: string;
  headers?: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type FetchInit = { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal };
export type FetchLike = (url: string, init?: FetchInit) => Promise<FetchResponseLike>;

export interface HttpContext {
  fetch: FetchLike;
  /** Waits `ms` milliseconds; tests pass one that records and returns at once. */
  sleep: (ms: number) => Promise<void>;
  /** One line per request. */
  log: (line: string) => void;
  /** Milliseconds since the epoch, for a `Retry-After` given as an HTTP date. */
  now: () => number;
  /** Attempts per URL (first try included). */
  attempts: number;
  /** How long one request may take before it is abandoned (and retried). */
  timeoutMs: number;
  /**
   * Resolves after `ms` unless cancelled first; the request timeout runs on it. Tests pass one
   * that resolves at once (a hanging server then times out without waiting) or never.
   */
  timer: (ms: number) => { elapsed: Promise<void>; cancel: () => void };
}

/** A real timer that never keeps the process alive on its own. */
export function realTimer(ms: number): { elapsed: Promise<void>; cancel: () => void } {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
    handle.unref?.();
  });
  return { elapsed, cancel: () => clearTimeout(handle) };
}

/** Time one request may take; SSB's and Kartverket's files arrive in seconds. */
export const REQUEST_TIMEOUT_MS = 60_000;

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function httpContext(fetch: FetchLike, partial: Partial<Omit<HttpContext, 'fetch'>> = {}): HttpContext {
  return { fetch, sleep: realSleep, log: () => {}, now: () => Date.now(), attempts: 5, timeoutMs: REQUEST_TIMEOUT_MS, timer: realTimer, ...partial };
}

/** Longest wait we accept from a server or our own backoff. */
export const MAX_WAIT_MS = 120_000;
const BASE_BACKOFF_MS = 2_000;

export function retryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: `Retry-After` (seconds or an HTTP date, RFC 9110
 * §10.2.3) when the server sends it, else 2 s, 4 s, 8 s …; capped at MAX_WAIT_MS.
 */
export function retryDelay(retryAfter: string | null | undefined, attempt: number, now: number): number {
  const fallback = BASE_BACKOFF_MS * 2 ** attempt;
  const v = retryAfter?.trim();
  let ms = fallback;
  if (v) {
    if (/^\d+$/.test(v)) ms = Number(v) * 1000;
    else {
      const at = Date.parse(v);
      if (Number.isFinite(at)) ms = Math.max(0, at - now);
    }
  }
  return Math.min(ms, MAX_WAIT_MS);
}

export function offlineMessage(url: string, cause: unknown): string {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const why = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return [
    `Ingen nettverkstilgang: fikk ikke kontakt med ${host} (${why}).`,
    'Referansedata (kommuneregistre fra SSB og kartgrenser fra Kartverket) kan ikke lastes ned nå.',
    `Legg filene manuelt i ${REFERENCE_CACHE}/ (${REFERENCE_FILES.join(', ')}),`,
    `eller pek på en katalog som har dem med --reference <katalog> eller ${REFERENCE_ENV}=<katalog>.`,
  ].join('\n');
}

function kilobytes(n: number): string {
  return n < 1024 ? `${n} B` : `${Math.round(n / 1024)} kB`;
}

/**
 * The body of a 2xx answer; retries 429/5xx, network failures and requests that take longer than
 * `timeoutMs` (body included); any other status is a ReferenceDownloadError carrying it, and a
 * network that fails every attempt a ReferenceOfflineError.
 */
export async function get(ctx: HttpContext, url: string, init?: FetchInit): Promise<Uint8Array> {
  const method = init?.method ?? 'GET';
  for (let attempt = 0; ; attempt++) {
    const retry = attempt + 1 < ctx.attempts;
    let answer: { res: FetchResponseLike; bytes: Uint8Array | null };
    const abort = new AbortController();
    const timer = ctx.timer(ctx.timeoutMs);
    try {
      const timedOut = timer.elapsed.then((): never => {
        abort.abort();
        throw new Error(`fikk ikke svar på ${Math.round(ctx.timeoutMs / 1000)} s`);
      });
      const request = (async () => {
        const res = await ctx.fetch(url, { ...init, signal: abort.signal });
        return { res, bytes: res.ok ? new Uint8Array(await res.arrayBuffer()) : null };
      })();
      answer = await Promise.race([request, timedOut]);
    } catch (e) {
      if (!retry) throw new ReferenceOfflineError(offlineMessage(url, e));
      const wait = retryDelay(null, attempt, ctx.now());
      const why = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      ctx.log(`  ${method} ${url} → ${why}; prøver igjen om ${Math.ceil(wait / 1000)} s (forsøk ${attempt + 2} av ${ctx.attempts})`);
      await ctx.sleep(wait);
      continue;
    } finally {
      timer.cancel();
    }
    const { res, bytes } = answer;
    const status = `${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
    if (bytes) {
      ctx.log(`  ${method} ${url} → ${status} (${kilobytes(bytes.length)})`);
      return bytes;
    }
    if (retryable(res.status) && retry) {
      const wait = retryDelay(res.headers?.get('retry-after'), attempt, ctx.now());
      ctx.log(`  ${method} ${url} → ${status}; prøver igjen om ${Math.ceil(wait / 1000)} s (forsøk ${attempt + 2} av ${ctx.attempts})`);
      await ctx.sleep(wait);
      continue;
    }
    ctx.log(`  ${method} ${url} → ${status}`);
    throw new ReferenceDownloadError(`Nedlasting feilet: ${url} svarte ${status}`, url, res.status);
  }
}

export async function getJson(ctx: HttpContext, url: string, init?: FetchInit): Promise<unknown> {
  const bytes = await get(ctx, url, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    throw new ReferenceDownloadError(`Nedlasting feilet: ${url} svarte ikke med gyldig JSON`, url);
  }
}
