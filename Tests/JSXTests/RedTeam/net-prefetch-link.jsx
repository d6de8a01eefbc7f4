// probe: network by a resource load; refused by: unlisted-element
export default function Probe() {
  return <div><link rel="prefetch" href="https://attacker.test/prefetch" />x</div>;
}
