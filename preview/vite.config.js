import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
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

export default defineConfig({
  plugins: [mockpilotSource(), react(), tailwindcss()],
  resolve: {
    alias: { "@components": components },
    // Components outside the project still get this kit's single copy of React.
    dedupe: ["react", "react-dom"],
  },
  define: { __MOCKPILOT_OUT__: JSON.stringify(out) },
  server: { fs: { allow: [here, out] } },
});
