// probe: network by a resource load; refused by: unsafe-url
export default function Probe() {
  return <img alt="" src="/logo.png" srcSet="/logo.png 1x, https://attacker.test/logo@2x.png 2x" />;
}
