import React from "react";
import ServedCards from "./ServedCards.jsx";

// Every component MockPilot has written, loaded eagerly so a new file appears on the next hot reload.
const modules = import.meta.glob("@components/*.jsx", { eager: true });

// One broken component must not blank the whole page.
class Boundary extends React.Component {
  constructor(props) {
    super(props);
    this.state = { error: null };
  }
  static getDerivedStateFromError(error) {
    return { error };
  }
  render() {
    if (this.state.error) {
      return <pre className="whitespace-pre-wrap text-sm text-red-700">{String(this.state.error.message || this.state.error)}</pre>;
    }
    return this.props.children;
  }
}

export default function Gallery() {
  const entries = Object.entries(modules).sort(([a], [b]) => a.localeCompare(b));
  return (
    <main className="mx-auto max-w-6xl p-6">
      <header className="mb-6 flex items-baseline justify-between">
        <h1 className="text-2xl font-bold text-slate-800">MockPilot preview</h1>
        <span className="text-sm text-slate-500">{entries.length} component{entries.length === 1 ? "" : "s"} in {__MOCKPILOT_OUT__}</span>
      </header>
      {__MOCKPILOT_SERVE__ && <ServedCards serve={__MOCKPILOT_SERVE__} />}
      {entries.length === 0 && <p className="text-slate-500">No components yet: start a meeting with <code>mockpilot</code> and talk about a UI.</p>}
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        {entries.map(([file, mod]) => {
          const name = file.split("/").pop().replace(/\.jsx$/, "");
          const Component = mod.default;
          return (
            <section key={file} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 className="mb-3 font-mono text-xs text-slate-500">{name}</h2>
              <div className="flex min-h-24 items-center justify-center">
                <Boundary>{Component ? <Component /> : <p className="text-sm text-amber-700">No default export</p>}</Boundary>
              </div>
            </section>
          );
        })}
      </div>
    </main>
  );
}
