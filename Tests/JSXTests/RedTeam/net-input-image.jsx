// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <form><input type="image" alt="Go" src="https://attacker.test/go.png" /></form>;
}
