// The web app builds to static files (dist/) with relative URLs, so it works from any path — the docs
// site's /playground/ or a file server. Workspace packages are compiled from their TypeScript sources
// (the `source` export condition). A small plugin writes the service worker with the list of built files.
import { createHash } from "node:crypto";
import { defineConfig, type Plugin } from "vite";

function serviceWorker(): Plugin {
  return {
    name: "efapiao-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => !name.endsWith(".map"));
      const version = createHash("sha256").update(files.sort().join("\n")).digest("hex").slice(0, 12);
      const precache = ["./", ...files.map((f) => `./${f}`)];
      this.emitFile({
        type: "asset",
        fileName: "sw.js",
        source: `// efapiao web app: cache-first service worker (generated at build time).
const CACHE = "efapiao-${version}";
const PRECACHE = ${JSON.stringify(precache)};
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("efapiao-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then(
      (hit) => hit || fetch(request).catch(() => (request.mode === "navigate" ? caches.match("./") : Response.error())),
    ),
  );
});
`,
      });
    },
  };
}

export default defineConfig({
  base: "./",
  resolve: { conditions: ["source", "module", "browser", "import", "default"] },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 1500 },
  plugins: [serviceWorker()],
});
