// benign twin: must pass the check
import { useState } from "react";
export default function Probe() {
  const [text, setText] = useState("");
  const [agreed, setAgreed] = useState(false);
  return (
    <form onSubmit={(e) => { e.preventDefault(); setText(""); }}>
      <input value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === "Escape" && setText("")} />
      <input type="checkbox" checked={agreed} onChange={({ target: { checked } }) => setAgreed(checked)} />
      <button type="submit" onClick={(event) => event.stopPropagation()}>Send</button>
    </form>
  );
}
