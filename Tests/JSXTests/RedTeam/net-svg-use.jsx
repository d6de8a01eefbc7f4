// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <svg><use href="https://attacker.test/sprite.svg#icon" /></svg>;
}
