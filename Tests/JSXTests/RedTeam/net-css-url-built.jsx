// probe: network by a resource load; refused by: style-url
export default function Probe() {
  const bg = ["ur", "l(https://attacker.test/bg2.png)"].join("");
  return <div style={{ background: bg, height: 40 }}>x</div>;
}
