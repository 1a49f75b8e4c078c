/**
 * `efapiao sandbox [--port P] [--store FILE] [--faults SPEC] [--seed N] [--credentials FILE…]`
 * Starts the sandbox platform (@efapiao/sandbox) on 127.0.0.1, prints its base URL as the first line of
 * stdout, and runs until SIGINT or SIGTERM. The logic lives in the sandbox package; this only wires options.
 */
import { createSandbox, FaultSpecError, parseFaults, StoreError } from "@efapiao/sandbox";
import type { RunOf } from "../command.js";
import { EXIT, readInput, UsageError } from "../io.js";
import type { sandboxSpec } from "../specs/sandbox.js";

export const sandbox: RunOf<typeof sandboxSpec> = async ({ values, io }) => {
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    throw new UsageError(
      `端口应为 0 到 65535 的整数：${values.port}`,
      `The port must be 0–65535: ${values.port}`,
    );
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    throw new UsageError(`种子应为整数：${values.seed}`, `The seed must be an integer: ${values.seed}`);
  }
  let faults: ReturnType<typeof parseFaults> = {};
  try {
    faults = parseFaults(values.faults ?? "");
  } catch (error) {
    if (error instanceof FaultSpecError) throw new UsageError(error.messageZh, error.messageEn);
    throw error;
  }
  const credentials: Array<Record<string, unknown>> = [];
  for (const file of values.credentials ?? []) {
    try {
      credentials.push(JSON.parse(await readInput(io, file)) as Record<string, unknown>);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(
        `凭据文件 ${file} 不是有效的 JSON`,
        `The credentials file ${file} is not valid JSON`,
      );
    }
  }

  let running: Awaited<ReturnType<typeof createSandbox>>;
  try {
    running = await createSandbox({
      port,
      faults,
      credentials,
      ...(values.store ? { store: values.store } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
  } catch (error) {
    if (error instanceof StoreError) throw new UsageError(error.messageZh, error.messageEn);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES") {
      throw new UsageError(`无法监听端口 ${port}（${code}）`, `Cannot listen on port ${port} (${code})`);
    }
    throw error;
  }
  io.stdout(`${running.url}\n`);
  io.stderr(
    `efapiao sandbox: ${running.url}\n` +
      `  GET ${running.url}/sandbox/invoices 列出已开发票 / lists what it issued\n` +
      `  GET ${running.url}/sandbox/credentials 现成的测试凭据 / ready-made test credentials\n` +
      "  Ctrl-C 停止 / stops it\n",
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.close();
  return EXIT.ok;
};
