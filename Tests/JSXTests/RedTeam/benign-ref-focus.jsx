// benign twin: must pass the check
import { useEffect, useRef } from "react";
export default function Probe() {
  const input = useRef(null);
  useEffect(() => { input.current?.focus(); }, []);
  return <input ref={input} placeholder="Search" onChange={(e) => console.log(e.target.value.trim().toLowerCase())} />;
}
