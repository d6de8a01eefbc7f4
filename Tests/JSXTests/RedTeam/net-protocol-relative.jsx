// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <img alt="" src="//attacker.test/relative.png" />;
}
