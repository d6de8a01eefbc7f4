// probe: network by a resource load; refused by: unsafe-url
const props = { src: "https://attacker.test/spread.png", alt: "" };
export default function Probe() {
  return <img {...props} />;
}
