// probe: network by a resource load; refused by: style-url
export default function Probe() {
  return <div style={{ backgroundImage: "url(https://attacker.test/bg.png)", height: 40 }}>x</div>;
}
