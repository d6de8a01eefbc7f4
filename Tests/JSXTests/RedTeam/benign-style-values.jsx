// benign twin: must pass the check
import { useState } from "react";
export default function Probe() {
  const [width, setWidth] = useState(40);
  const color = width > 50 ? "#4f46e5" : "#0ea5e9";
  const base = { borderRadius: 9999, padding: "8px 16px" };
  return (
    <div>
      <div style={{ width: `${width}%`, backgroundColor: color, opacity: 0.9 }} />
      <div style={base}>x</div>
      <div style={{ backgroundImage: "linear-gradient(to right, #a855f7, #3b82f6)" }}>y</div>
      <button type="button" onClick={() => setWidth((w) => Math.min(w + 10, 100))}>Wider</button>
    </div>
  );
}
