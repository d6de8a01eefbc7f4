// benign twin: must pass the check
import { useMemo, useState } from "react";
function initials(name) { return name.split(" ").map((w) => w[0]).join("").toUpperCase(); }
const api = { label: (n) => `${n} items` };
export default function Probe() {
  const [items] = useState(["Ada Lovelace", "Alan Turing"]);
  const sorted = useMemo(() => items.toSorted((a, b) => a.localeCompare(b)), [items]);
  return <ul>{sorted.map((n) => <li key={n}>{initials(n)}</li>)}<li>{api.label(sorted.length)}</li></ul>;
}
