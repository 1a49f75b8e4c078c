/**
 * A cached access token, refreshed before it expires (百望's password-grant token lives about 8 hours).
 * Concurrent callers share one refresh: the provider sees one token request, not one per invoice.
 */

/** A token and when it stops being valid (epoch milliseconds). */
export interface Token {
  value: string;
  expiresAt: number;
}

/** What fetching a token can end in; the failure carries what to report. */
export type TokenResult<F> = { ok: true; token: Token } | { ok: false; failure: F };

/**
 * Holds one token. `get` returns the cached one while it has more than `marginMs` left, else fetches.
 * @example
 * const cache = new TokenCache(() => fetchBaiwangToken(credentials), { marginMs: 120_000 });
 * const token = await cache.get(); // { ok: true, token: { value, expiresAt } } or { ok: false, failure }
 */
export class TokenCache<F> {
  #token: Token | undefined;
  #inFlight: Promise<TokenResult<F>> | undefined;
  readonly #fetchToken: () => Promise<TokenResult<F>>;
  readonly #marginMs: number;
  readonly #now: () => number;

  constructor(
    fetchToken: () => Promise<TokenResult<F>>,
    options: { marginMs?: number; now?: () => number; initial?: Token } = {},
  ) {
    this.#fetchToken = fetchToken;
    this.#marginMs = options.marginMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
    this.#token = options.initial;
  }

  async get(): Promise<TokenResult<F>> {
    const token = this.#token;
    if (token && token.expiresAt - this.#marginMs > this.#now()) return { ok: true, token };
    this.#inFlight ??= this.#fetchToken()
      .then((result) => {
        if (result.ok) this.#token = result.token;
        return result;
      })
      .finally(() => {
        this.#inFlight = undefined;
      });
    return this.#inFlight;
  }

  /** Forgets the token (after the provider said it is invalid), so the next `get` fetches a new one. */
  invalidate(): void {
    this.#token = undefined;
  }
}
