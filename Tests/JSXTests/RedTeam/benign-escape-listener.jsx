// benign twin: must pass the check
import { useEffect, useState } from "react";
export default function Probe() {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    const onKey = (e) => { if (e.key === "Escape") setOpen(false); };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return open ? <div role="dialog">Press Escape</div> : null;
}
