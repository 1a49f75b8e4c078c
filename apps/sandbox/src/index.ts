/**
 * `@efapiao/sandbox`: a local e-fapiao platform that speaks the 乐企, Nuonuo and Baiwang protocols as the
 * adapters call them, for tests, demos and integrators (contracts.md §4, `efapiao sandbox`).
 *
 * @example
 * const sandbox = await createSandbox({ faults: "timeout=0.1,5xx=0.05", seed: 7 });
 * // point an adapter at sandbox.url with sandbox.credentials("nuonuo"), issue, then:
 * console.log(sandbox.invoices()); // [{ requestKey, number, provider, status, issuedAt }]
 * await sandbox.close();
 */
import { type Clock, type ManualClock, systemClock } from "./clock.js";
import { type FaultSpec, parseFaults } from "./faults.js";
import { Platform, type SandboxInvoice } from "./platform.js";
import { seededRandom } from "./random.js";
import { buildServer, registerCredentials } from "./server.js";
import { openStore, type SandboxStore } from "./store.js";
import { CredentialRegistry, DEFAULT_ACCOUNTS } from "./wire.js";

export { HOUR, type Clock, type ManualClock, manualClock, shanghaiIso, systemClock } from "./clock.js";
export { FAULT_KINDS, type FaultKind, type FaultSpec, FaultSpecError, parseFaults } from "./faults.js";
export { seededRandom } from "./random.js";
export { fileStore, memoryStore, openStore, type SandboxStore, StoreError } from "./store.js";
export { DEFAULT_ACCOUNTS } from "./wire.js";
export { createSandboxProvider, type SandboxProviderOptions } from "./provider.js";
export { FORM_STATES, type FormRecord, type InvoiceRecord, type SandboxInvoice } from "./platform.js";

export interface SandboxOptions {
  /** `--faults` text (`timeout=0.1,reset=0.05`) or probabilities per fault; default none. */
  faults?: string | FaultSpec;
  /** Seed of the random source that draws faults (default: random). */
  seed?: number;
  /** The time source (default: the machine's clock); the sandbox can always be moved forward from it. */
  clock?: Clock;
  /** Where state is kept: a store, or a `--store` value (`file:PATH`, a path, `memory:`); default memory. */
  store?: string | SandboxStore;
  /** Port on 127.0.0.1 (default 0: a free port). */
  port?: number;
  /** Extra accounts to accept, as credentials objects of any provider (contracts.md §4 keys). */
  credentials?: Array<Record<string, unknown>>;
  /** Queries answering "being issued" before an asynchronous result is final (default 1). */
  pendingPolls?: number;
  /** How long a `timeout` fault holds its answer, ms (default 60 000). */
  timeoutMs?: number;
  /** How long a `slow` answer takes, ms (default 2 000). */
  slowMs?: number;
  /**
   * Seller names by tax id: Nuonuo's orders carry none (Nuonuo takes it from the company's registration);
   * an unregistered seller is named by its tax id, and 查验 then leaves the name out.
   */
  sellers?: Record<string, string>;
  /** When a seller-raised red-letter form needs the buyer (default `when-used`, the platform's rule). */
  redConfirmation?: "when-used" | "always";
}

export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:40123`: put it as `url` in any provider's credentials. */
  url: string;
  /** Credentials the sandbox accepts for a provider, with `url` set. */
  credentials(provider: "nuonuo" | "baiwang" | "leqi"): Record<string, string>;
  /** Everything issued, oldest first. */
  invoices(): SandboxInvoice[];
  /** The sandbox's clock: move it forward to expire red-letter forms. */
  clock: ManualClock;
  /** Replaces the fault probabilities. */
  setFaults(faults: string | FaultSpec): void;
  /** The platform state, for tests that look behind the protocols. */
  platform: Platform;
  close(): Promise<void>;
}

/**
 * Starts a sandbox on 127.0.0.1.
 * @example
 * const sandbox = await createSandbox({ clock: manualClock("2026-05-18T10:00:00+08:00") });
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const faults =
    typeof options.faults === "string" ? parseFaults(options.faults) : { ...(options.faults ?? {}) };
  const clock = offsetClock(options.clock ?? systemClock);
  const store = typeof options.store === "object" ? options.store : openStore(options.store);
  const platform = await Platform.open({
    clock,
    store,
    pendingPolls: options.pendingPolls ?? 1,
    redConfirmation: options.redConfirmation ?? "when-used",
  });
  const registry = new CredentialRegistry();
  registry.add("nuonuo", { ...DEFAULT_ACCOUNTS.nuonuo });
  registry.add("baiwang", { ...DEFAULT_ACCOUNTS.baiwang });
  registry.add("leqi", { ...DEFAULT_ACCOUNTS.leqi });
  for (const c of options.credentials ?? []) registerCredentials(registry, c);
  const server = buildServer({
    platform,
    credentials: registry,
    clock,
    faults,
    random: seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32)),
    timeoutMs: options.timeoutMs ?? 60_000,
    slowMs: options.slowMs ?? 2_000,
    sellers: options.sellers ?? {},
  });
  await server.app.listen({ host: "127.0.0.1", port: options.port ?? 0 });
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    credentials: (provider) => ({ ...DEFAULT_ACCOUNTS[provider], url }),
    invoices: () => platform.listing(),
    clock,
    setFaults: (spec) => server.setFaults(typeof spec === "string" ? parseFaults(spec) : spec),
    platform,
    async close() {
      server.releaseHeld();
      await server.app.close();
      store.close();
    },
  };
}

/** A clock that follows `base` plus however far it has been moved. */
function offsetClock(base: Clock): ManualClock {
  if ("advance" in base && "set" in base) return base as ManualClock;
  let offset = 0;
  return {
    now: () => base.now() + offset,
    advance(ms) {
      offset += ms;
    },
    set(instant) {
      offset = (typeof instant === "number" ? instant : Date.parse(instant)) - base.now();
    },
  };
}
