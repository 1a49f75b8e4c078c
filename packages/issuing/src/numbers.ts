/**
 * Issuing under pre-assigned numbers (乐企): the provider asks, per request key, for the number to upload
 * under and keeps the upload's acceptance id. Both live in the store's {@link NumberPool}, so that after a
 * crash or a lost answer the same key goes out under the same number — which the platform answers with the
 * first upload's result instead of issuing a second invoice. The shape is the leqi adapter's `LeqiState`
 * (issuing never imports an adapter: it matches structurally).
 */
import type { NumberPool } from "./store/types.js";

/** What a provider that issues under pre-assigned numbers remembers per request key. */
export interface PreassignedNumbers {
  /** The key's number (given durably before it is returned), or undefined when the pool is exhausted. */
  numberFor(requestKey: string): Promise<string | undefined>;
  recordAcceptance(requestKey: string, acceptance: string): Promise<void>;
  acceptanceOf(requestKey: string): Promise<string | undefined>;
}

/**
 * The pool's scope for a provider and seller: numbers are pre-assigned to one seller on one platform.
 * @example
 * numberScope("leqi", "91310115MA1K3X4Y77") // "leqi:91310115MA1K3X4Y77"
 */
export function numberScope(provider: string, sellerTaxId: string): string {
  return `${provider}:${sellerTaxId}`;
}

/**
 * The per-key state a 乐企 provider needs, kept in the store's pool.
 * @example
 * const store = await openStore(undefined);
 * await store.numbers.add(numberScope("leqi", seller), credentials.numbers ?? [], Date.now());
 * const leqi = createLeqi({ credentials, sellerTaxId: seller, state: preassignedNumbers(store.numbers, numberScope("leqi", seller)) });
 */
export function preassignedNumbers(
  pool: NumberPool,
  scope: string,
  now: () => number = Date.now,
): PreassignedNumbers {
  return {
    numberFor: (requestKey) => pool.take(scope, requestKey, now()),
    recordAcceptance: (requestKey, acceptance) => pool.setAcceptance(scope, requestKey, acceptance),
    acceptanceOf: (requestKey) => pool.acceptanceOf(scope, requestKey),
  };
}

/**
 * How many of these keys would need a number the pool does not have: keys given one before need none.
 * A batch that needs more than the pool holds is refused before anything is sent.
 * @example
 * await missingNumbers(store.numbers, scope, ["SO-1", "SO-2"]) // 0 when two numbers are free
 */
export async function missingNumbers(
  pool: NumberPool,
  scope: string,
  requestKeys: readonly string[],
): Promise<number> {
  let needed = 0;
  for (const key of new Set(requestKeys)) if ((await pool.numberOf(scope, key)) === undefined) needed++;
  return Math.max(0, needed - (await pool.free(scope)));
}
