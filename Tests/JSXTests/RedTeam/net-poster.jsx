// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <video poster="https://attacker.test/poster.png" />;
}
