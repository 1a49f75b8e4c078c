/**
 * The efapiao docs site. Built offline: the machines that build it reach nothing but the npm registry,
 * so search is VitePress's local index and nothing is fetched at build time.
 */
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitepress";

/** The web app (apps/web, built before the docs by turbo) is published under the site's playground/. */
const playground = new URL("../../apps/web/dist/", import.meta.url).pathname;

export default defineConfig({
  title: "efapiao",
  description: "A TypeScript toolkit for China's fully digitalized e-fapiao (数电票)",
  lang: "en-US",
  // Hosts that serve the site under a sub-path (e.g. GitHub Pages: /efapiao/) set EFAPIAO_DOCS_BASE.
  base: process.env.EFAPIAO_DOCS_BASE ?? "/",
  cleanUrls: true,
  // The README is for contributors; examples and tests are code the pages include, not pages.
  srcExclude: ["**/README.md", "examples/**", "test/**"],
  markdown: { lineNumbers: false },
  buildEnd(site) {
    if (existsSync(join(playground, "index.html")))
      cpSync(playground, join(site.outDir, "playground"), { recursive: true });
  },
  themeConfig: {
    nav: [
      { text: "Guide", link: "/guide/what-is-efapiao" },
      { text: "Reference", link: "/reference/cli" },
      { text: "Glossary 术语", link: "/glossary" },
      { text: "Playground 在线体验", link: "/guide/playground" },
    ],
    sidebar: [
      {
        text: "Guide",
        items: [
          { text: "What is efapiao", link: "/guide/what-is-efapiao" },
          { text: "Getting started", link: "/guide/getting-started" },
          { text: "Building an invoice", link: "/guide/building-an-invoice" },
          { text: "Validating with rules", link: "/guide/validating" },
          { text: "Classification codes", link: "/guide/classification-codes" },
          { text: "Platform XML", link: "/guide/platform-xml" },
          { text: "Playground", link: "/guide/playground" },
        ],
      },
      {
        text: "Reference",
        items: [
          { text: "CLI", link: "/reference/cli" },
          { text: "Rule reference", link: "/reference/rules" },
          { text: "Provider field map", link: "/reference/providers" },
        ],
      },
      { text: "Chinese terms 术语", items: [{ text: "Glossary", link: "/glossary" }] },
    ],
    search: { provider: "local" },
    outline: [2, 3],
  },
});
