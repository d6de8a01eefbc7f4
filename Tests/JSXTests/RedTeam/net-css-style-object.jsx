// probe: network by a resource load; refused by: style-url
const look = (u) => ({ backgroundImage: u });
export default function Probe() {
  return <div style={look("url(https://attacker.test/bg3.png)")}>x</div>;
}
