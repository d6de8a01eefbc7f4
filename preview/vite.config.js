import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// MockPilot writes components into MOCKPILOT_OUT/src/components; the default, ../mockpilot-out,
// is where `mockpilot` writes when run from the repository root.
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, process.env.MOCKPILOT_OUT ?? "../mockpilot-out");
const components = path.join(out, "src", "components");

// Tailwind must scan the components folder, which lives outside this project: point the
// `@source` line of src/index.css at it before Tailwind reads the file.
function mockpilotSource() {
  return {
    name: "mockpilot-source",
    enforce: "pre",
    transform(code, id) {
      if (!id.endsWith("/src/index.css")) return null;
      return code.replace(/@source "[^"]*";/, `@source "${components.replaceAll("\\", "/")}";`);
    },
    // New files in the folder must trigger the glob's hot update, so watch the folder itself.
    configureServer(server) {
      server.watcher.add(components);
    },
  };
}

// MOCKPILOT_SERVE=http://127.0.0.1:8787: the page also follows that running `mockpilot serve`
// (src/ServedCards.jsx), which must list this page's origin in [server] allowed_origins. Its token
// comes from the page URL's #token= fragment or, under `npm run dev` only, from MOCKPILOT_TOKEN
// (never baked into a build).
const serve = (process.env.MOCKPILOT_SERVE ?? "").replace(/\/+$/, "");
if (serve && !/^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(serve)) {
  throw new Error(`MOCKPILOT_SERVE must be an origin like http://127.0.0.1:8787, got ${serve}`);
}

// A production build serves components under the Content-Security-Policy in
// content-security-policy.txt (no other host, no inline script, no eval, no frames), so a payload
// that got past `mockpilot check` still cannot run or call out. scripts/redteam-render.sh renders
// the red-team probes under the same policy. The dev server needs inline scripts for hot reload.
// Following a server, the page may also open its /events and frame its sandboxed component frames.
const basePolicy = fs.readFileSync(path.join(here, "content-security-policy.txt"), "utf8").trim();
const policy = serve
  ? basePolicy.replace("connect-src 'self'", `connect-src 'self' ${serve}`).replace("frame-src 'none'", `frame-src ${serve}`)
  : basePolicy;
function contentSecurityPolicy() {
  return {
    name: "mockpilot-csp",
    apply: "build",
    transformIndexHtml() {
      return [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: policy }, injectTo: "head-prepend" }];
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [mockpilotSource(), react(), tailwindcss(), contentSecurityPolicy()],
  resolve: {
    alias: { "@components": components },
    // Components outside the project still get this kit's single copy of React.
    dedupe: ["react", "react-dom"],
  },
  define: {
    __MOCKPILOT_OUT__: JSON.stringify(out),
    __MOCKPILOT_SERVE__: JSON.stringify(serve),
    __MOCKPILOT_TOKEN__: JSON.stringify(command === "serve" ? process.env.MOCKPILOT_TOKEN ?? "" : ""),
  },
  server: { fs: { allow: [here, out] } },
  // `vite preview` serves the build with the policy as a header too.
  preview: { headers: { "Content-Security-Policy": policy } },
}));
