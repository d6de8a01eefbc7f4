// probe: window through an event; refused by: event-access
export default function Probe() {
  return <button onClick={(e) => e.view.eval("fetch('/pwned')")}>Run</button>;
}
