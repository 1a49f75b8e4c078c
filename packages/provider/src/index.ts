/**
 * @efapiao/provider — the provider port (DESIGN.md): interfaces and outcome types only, no code that
 * talks to anyone. Adapters (@efapiao/leqi, @efapiao/nuonuo, @efapiao/baiwang, the sandbox) implement
 * {@link Provider}; the issuing workflow consumes it.
 */
export * from "./outcome.js";
export * from "./requests.js";
export * from "./capabilities.js";
export * from "./provider.js";
