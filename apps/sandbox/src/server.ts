/**
 * The HTTP server (Fastify): routes each provider's paths to its protocol module, applies the transport
 * faults the module asks for, and serves the sandbox's own routes under `/sandbox/`. It listens on a
 * loopback address only.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { ManualClock } from "./clock.js";
import { drawFault, type FaultSpec, parseFaults } from "./faults.js";
import type { Platform } from "./platform.js";
import { BAIWANG_PATH, handleBaiwang } from "./protocols/baiwang.js";
import { handleLeqi, LEQI_PATH } from "./protocols/leqi.js";
import { handleNuonuo, NUONUO_PATH } from "./protocols/nuonuo.js";
import type { Random } from "./random.js";
import { receivedAnswer, useWithFaults, verifyAnswer } from "./receive.js";
import {
  type CredentialRegistry,
  DEFAULT_ACCOUNTS,
  json,
  type ProtocolContext,
  type WireAnswer,
  type WireRequest,
} from "./wire.js";

export interface ServerOptions {
  platform: Platform;
  credentials: CredentialRegistry;
  clock: ManualClock;
  faults: FaultSpec;
  random: Random;
  /** How long a `timeout` fault holds the answer (default 60 s: past any client's patience). */
  timeoutMs: number;
  /** How long a `slow` answer takes (default 2 s). */
  slowMs: number;
  /** Seller names by tax id, for protocols whose requests carry none. */
  sellers: Record<string, string>;
}

export interface SandboxServer {
  app: FastifyInstance;
  /** Replaces the fault probabilities. */
  setFaults(spec: FaultSpec): void;
  /** Ends held answers so that the server can close at once. */
  releaseHeld(): void;
}

type Handler = (request: WireRequest, ctx: ProtocolContext) => WireAnswer;

/** Builds the server (not yet listening). */
export function buildServer(options: ServerOptions): SandboxServer {
  let faults = options.faults;
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 20 * 1024 * 1024 });
  // Signatures are computed over the exact body text: take it as it came, whatever the content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));

  const ctx: ProtocolContext = {
    platform: options.platform,
    credentials: options.credentials,
    drawFault: () => drawFault(faults, options.random),
    sellerName: (taxId) => options.sellers[taxId],
  };
  const held = new Set<() => void>();

  const hold = (request: FastifyRequest, ms: number) =>
    new Promise<boolean>((resolve) => {
      const socket = request.raw.socket;
      const finish = (answered: boolean) => {
        clearTimeout(timer);
        socket.off("close", onClose);
        held.delete(release);
        resolve(answered);
      };
      const onClose = () => finish(false);
      const release = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      socket.once("close", onClose);
      held.add(release);
    });

  const serve = (handler: Handler) => async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = handler(wireRequest(request), ctx);
    if (answer.fault === "reset") {
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (answer.fault === "timeout" || answer.fault === "slow") {
      const answered = await hold(request, answer.fault === "timeout" ? options.timeoutMs : options.slowMs);
      if (!answered) {
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
    }
    return reply.code(answer.status).header("content-type", answer.contentType).send(answer.body);
  };

  app.post(NUONUO_PATH, serve(handleNuonuo));
  app.post(BAIWANG_PATH, serve(handleBaiwang));
  app.post(LEQI_PATH, serve(handleLeqi));

  app.get("/sandbox/invoices", async () => options.platform.listing());
  app.get("/sandbox/forms", async () => options.platform.listForms({}));
  const buyerSide =
    (answer: (platform: Platform, body: Record<string, unknown>) => unknown) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const body = parseBody(request.body);
      if (!body) return reply.code(400).send({ error: "a JSON object body is required" });
      return answer(options.platform, body);
    };
  app.post("/sandbox/verify", buyerSide(verifyAnswer));
  app.post("/sandbox/received", buyerSide(receivedAnswer));
  app.post("/sandbox/use", serve(useWithFaults));
  // The ready-made accounts only (public test values); registered credentials are never shown.
  app.get("/sandbox/credentials", async (request) => {
    const url = `http://${request.headers.host ?? "127.0.0.1"}`;
    return {
      nuonuo: { ...DEFAULT_ACCOUNTS.nuonuo, url },
      baiwang: { ...DEFAULT_ACCOUNTS.baiwang, url },
      leqi: { ...DEFAULT_ACCOUNTS.leqi, url },
    };
  });
  app.post("/sandbox/clock", async (request, reply) => {
    const body = parseBody(request.body);
    if (typeof body?.advanceMs === "number" && body.advanceMs >= 0) options.clock.advance(body.advanceMs);
    else if (typeof body?.set === "string" && Number.isFinite(Date.parse(body.set)))
      options.clock.set(body.set);
    else return reply.code(400).send({ error: "give { advanceMs: number ≥ 0 } or { set: ISO 8601 }" });
    return { now: new Date(options.clock.now()).toISOString() };
  });
  app.post("/sandbox/faults", async (request, reply) => {
    const body = parseBody(request.body);
    try {
      faults = parseFaults(typeof body?.spec === "string" ? body.spec : "");
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    return { faults };
  });
  app.post("/sandbox/credentials", async (request, reply) => {
    const body = parseBody(request.body);
    const added = registerCredentials(options.credentials, body);
    if (!added) return reply.code(400).send({ error: "unrecognised credentials: see the sandbox README" });
    return { provider: added };
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send(json({ error: `no such route: ${request.method} ${request.url}` }).body),
  );

  return {
    app,
    setFaults(spec) {
      faults = spec;
    },
    releaseHeld() {
      for (const release of [...held]) release();
    },
  };
}

function parseBody(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== "string" || body === "") return undefined;
  try {
    const value = JSON.parse(body) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Registers a credentials object of any provider (told apart by its keys, as in contracts.md §4).
 * @returns the provider, or undefined when the keys fit none
 */
export function registerCredentials(
  registry: CredentialRegistry,
  value: Record<string, unknown> | undefined,
): "nuonuo" | "baiwang" | "leqi" | undefined {
  if (!value) return undefined;
  const s = (key: string) =>
    typeof value[key] === "string" && value[key] !== "" ? (value[key] as string) : undefined;
  const appKey = s("appKey");
  const appSecret = s("appSecret");
  if (appKey && appSecret && s("accessToken")) {
    registry.add("nuonuo", { appKey, appSecret, accessToken: s("accessToken")! });
    return "nuonuo";
  }
  if (appKey && appSecret && s("token")) {
    registry.add("baiwang", { appKey, appSecret, token: s("token")! });
    return "baiwang";
  }
  const sm4Key = s("sm4Key");
  if (sm4Key && /^[0-9a-fA-F]{32}$/.test(sm4Key) && s("jrdwptbh") && s("sydwptbh") && s("nlbm")) {
    registry.add("leqi", { sm4Key, jrdwptbh: s("jrdwptbh")!, sydwptbh: s("sydwptbh")!, nlbm: s("nlbm")! });
    return "leqi";
  }
  return undefined;
}

function wireRequest(request: FastifyRequest): WireRequest {
  const url = new URL(request.url, "http://sandbox.invalid");
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) {
    if (typeof v === "string") headers[k.toLowerCase()] = v;
    else if (Array.isArray(v)) headers[k.toLowerCase()] = v.join(", ");
  }
  return {
    method: request.method,
    path: url.pathname,
    query,
    headers,
    body: typeof request.body === "string" ? request.body : "",
  };
}
