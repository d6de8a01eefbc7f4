// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <a href="#top" ping="https://attacker.test/ping">Top</a>;
}
