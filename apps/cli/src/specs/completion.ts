import { defineCommand, type LoadedRun } from "../command.js";

export const completionSpec = defineCommand({
  name: "completion",
  summary: { zh: "打印 shell 补全脚本", en: "print a shell completion script" },
  args: "bash|zsh|fish",
  details: {
    zh: "例如：efapiao completion bash > ~/.local/share/bash-completion/completions/efapiao",
    en: "For example: efapiao completion bash > ~/.local/share/bash-completion/completions/efapiao",
  },
  load: (): Promise<LoadedRun> => import("../completion.js").then((m) => m.completion),
});
