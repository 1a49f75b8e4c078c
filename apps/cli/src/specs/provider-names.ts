/** The providers efapiao speaks (kept apart from the adapters so that declarations stay cheap to import). */
export const PROVIDER_NAMES = ["leqi", "nuonuo", "baiwang"] as const;
