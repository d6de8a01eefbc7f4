// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <img alt="" src="/logo.png" srcSet="https://attacker.test/logo.png 1x, /logo@2x.png 2x" />;
}
