/**
 * The page: two editors over highlighted backdrops, the invoice preview and the rule playground, the state
 * in the URL hash, a service worker for offline use. Every input goes through analyzeInput / runPlayground,
 * which report problems as values; anything unexpected is caught here and shown, so no input breaks the page.
 */
import "./style.css";
import { escapeHtml, PREVIEW_CSS } from "@efapiao/preview";
import { loadStandardPack, type Pack } from "@efapiao/rules";
import saleExample from "../../../examples/sale.json?raw";
import { type Analysis, analyzeInput, type Located } from "./analyze.js";
import { highlightHtml, ruleTokens, type Span } from "./highlight.js";
import { runPlayground, SAMPLE_RULES } from "./playground.js";
import { type AppState, decodeState, encodeState } from "./state.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = $<HTMLTextAreaElement>("input");
const rules = $<HTMLTextAreaElement>("rules");
const status = $("status");
const notice = $("notice");

const style = document.createElement("style");
style.textContent = PREVIEW_CSS;
document.head.append(style);

const defaults: AppState = { tab: "invoice", input: saleExample, rules: SAMPLE_RULES };
const decoded = decodeState(location.hash, defaults);
let state: AppState = decoded.state;
if (decoded.problem) showNotice(decoded.problem);
input.value = state.input;
rules.value = state.rules;

let standard: Pack | undefined;
let playground: Pack | undefined;
let inputMarks: Span[] = [];
let rulesMarks: Span[] = [];

function showNotice(text: string): void {
  notice.textContent = text;
  notice.hidden = false;
}

/** Keeps the backdrop in step with its textarea (text, marks, scroll). */
function paint(editor: HTMLTextAreaElement, tokens: Span[], marks: Span[]): void {
  const backdrop = editor.previousElementSibling as HTMLElement;
  backdrop.innerHTML = highlightHtml(editor.value, tokens, marks);
  backdrop.scrollTop = editor.scrollTop;
}
const paintInput = () => paint(input, [], inputMarks);
const paintRules = () => paint(rules, ruleTokens(rules.value), rulesMarks);
for (const editor of [input, rules]) {
  editor.addEventListener("scroll", () => {
    (editor.previousElementSibling as HTMLElement).scrollTop = editor.scrollTop;
  });
}

function select(editor: HTMLTextAreaElement, start: number, end: number): void {
  editor.focus();
  editor.setSelectionRange(start, end);
  // Bring the range into view: put the caret's line near the top.
  const line = editor.value.slice(0, start).split("\n").length;
  editor.scrollTop = Math.max(0, (line - 3) * 19.5);
}

function where(d: Located): string {
  if (d.line !== undefined) return `${d.line}:${d.column} ${d.path}`;
  return d.path || "—";
}

function renderInvoice(analysis: Analysis): void {
  inputMarks = analysis.diagnostics.flatMap((d) =>
    d.range ? [{ start: d.range.start, end: d.range.end, cls: d.severity }] : [],
  );
  paintInput();
  const list = $("diagnostics");
  list.innerHTML = analysis.diagnostics
    .map(
      (d, i) =>
        `<li class="${d.severity}" data-index="${i}" tabindex="0"><span class="where">${escapeHtml(where(d))}</span>` +
        `<b>${escapeHtml(d.rule)}</b> ${escapeHtml(d.message)}<span class="en">${escapeHtml(d.messageEn)}</span></li>`,
    )
    .join("");
  list.querySelectorAll("li").forEach((li) => {
    li.addEventListener("click", () => {
      const d = analysis.diagnostics[Number(li.dataset.index)];
      if (d?.range) select(input, d.range.start, d.range.end);
    });
  });
  const t = analysis.totals;
  $("totals").innerHTML = t
    ? `<span><b>合计金额</b>${escapeHtml(t.amount)}</span><span><b>合计税额</b>${escapeHtml(t.tax)}</span>` +
      `<span><b>价税合计</b>${escapeHtml(t.total)}</span><span><b>大写</b>${escapeHtml(t.words)}</span>`
    : "";
  $("preview").innerHTML = analysis.html ?? "";
}

function updateInvoice(): void {
  if (!standard) return;
  try {
    // The playground's rules apply to the invoice too, once they compile without errors.
    const extra = playground?.diagnostics.every((d) => d.severity !== "error") ? playground : undefined;
    const packs = extra ? [standard, extra] : [standard];
    renderInvoice(analyzeInput(input.value, { packs }));
  } catch (error) {
    renderInvoice({ diagnostics: [internalError(error)] });
  }
}

function internalError(error: unknown): Located {
  return {
    rule: "INTERNAL",
    severity: "error",
    path: "",
    message: `内部错误：${(error as Error)?.message ?? error}`,
    messageEn: `Internal error: ${(error as Error)?.message ?? error}`,
  };
}

let rulesRun = 0;
async function updateRules(): Promise<void> {
  if (!standard) return;
  const run = ++rulesRun;
  try {
    const result = await runPlayground(rules.value, standard);
    if (run !== rulesRun) return; // a newer edit has started its own run
    playground = result.pack;
    rulesMarks = result.diagnostics.map((d) => ({
      start: d.start,
      end: Math.max(d.end, d.start + 1),
      cls: d.severity,
    }));
    paintRules();
    const diagnostics = $("rule-diagnostics");
    diagnostics.innerHTML = result.diagnostics
      .map(
        (d, i) =>
          `<li class="${d.severity}" data-index="${i}" tabindex="0"><span class="where">${d.line}:${d.column}</span>` +
          `<b>${escapeHtml(d.code)}</b> ${escapeHtml(d.message)}<span class="en">${escapeHtml(d.messageEn)}</span></li>`,
      )
      .join("");
    diagnostics.querySelectorAll("li").forEach((li) => {
      li.addEventListener("click", () => {
        const d = result.diagnostics[Number(li.dataset.index)];
        if (d) select(rules, d.start, Math.max(d.end, d.start + 1));
      });
    });
    $("examples-summary").innerHTML =
      `<span><b>示例 / examples</b>${result.passed} 通过 passed · ${result.failed} 未通过 failed</span>`;
    $("examples").innerHTML = result.outcomes
      .map(
        (o) =>
          `<li class="${o.passed ? "pass" : "fail"}"><span class="where">${escapeHtml(o.rule)}</span>${o.passed ? "✓" : "✗"} ` +
          `${escapeHtml(o.example)} <small>(${escapeHtml(o.expected)})</small>` +
          (o.problem
            ? `<span class="en">${escapeHtml(o.problem.zh)} / ${escapeHtml(o.problem.en)}</span>`
            : "") +
          "</li>",
      )
      .join("");
    updateInvoice();
  } catch (error) {
    if (run !== rulesRun) return;
    const d = internalError(error);
    $("rule-diagnostics").innerHTML =
      `<li class="error">${escapeHtml(d.message)}<span class="en">${escapeHtml(d.messageEn)}</span></li>`;
  }
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

const saveState = debounce(() => {
  state = { tab: state.tab, input: input.value, rules: rules.value };
  history.replaceState(null, "", encodeState(state));
}, 300);

const invoiceChanged = debounce(updateInvoice, 120);
input.addEventListener("input", () => {
  paintInput();
  invoiceChanged();
  saveState();
});
const rulesChanged = debounce(() => void updateRules(), 150);
rules.addEventListener("input", () => {
  paintRules();
  rulesChanged();
  saveState();
});

function showTab(tab: AppState["tab"]): void {
  state = { ...state, tab };
  for (const name of ["invoice", "rules"] as const) {
    $(`panel-${name}`).hidden = name !== tab;
    $(`tab-${name}`).setAttribute("aria-selected", String(name === tab));
  }
  saveState();
}
document.querySelectorAll<HTMLButtonElement>("[data-tab]").forEach((button) => {
  button.addEventListener("click", () => showTab(button.dataset.tab as AppState["tab"]));
});

function setInput(text: string): void {
  input.value = text;
  input.dispatchEvent(new Event("input"));
}
$("load-example").addEventListener("click", () => setInput(saleExample));
$("copy-link").addEventListener("click", async () => {
  state = { tab: state.tab, input: input.value, rules: rules.value };
  const url = location.href.split("#")[0] + encodeState(state);
  history.replaceState(null, "", encodeState(state));
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = "链接已复制 / link copied";
  } catch {
    status.textContent = "链接在地址栏中 / the link is in the address bar";
  }
});

async function readFile(file: File): Promise<void> {
  if (file.size > 5 * 1024 * 1024) {
    showNotice(`文件过大（${file.size} 字节，上限 5 MB）/ File too large (${file.size} bytes, limit 5 MB)`);
    return;
  }
  setInput(await file.text());
}
$<HTMLInputElement>("file").addEventListener("change", (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void readFile(file);
});
const dropZone = $("input-editor");
dropZone.addEventListener("dragover", (event) => {
  event.preventDefault();
  dropZone.classList.add("dragging");
});
dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
dropZone.addEventListener("drop", (event) => {
  event.preventDefault();
  dropZone.classList.remove("dragging");
  const file = event.dataTransfer?.files[0];
  if (file) void readFile(file);
});

showTab(state.tab);
paintInput();
paintRules();
status.textContent = "加载规则… / loading rules…";
loadStandardPack()
  .then(async (pack) => {
    standard = pack;
    await updateRules();
    updateInvoice();
    status.textContent = "就绪 / ready";
    document.body.dataset.ready = "true";
  })
  .catch((error) => showNotice(internalError(error).message));

if (import.meta.env.PROD && "serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch(() => {
    // Offline use is a bonus: the app works without it.
  });
}
