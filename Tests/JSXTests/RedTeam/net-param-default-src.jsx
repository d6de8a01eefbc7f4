// probe: network by a resource load; refused by: unsafe-url
const Avatar = ({ src = "/me.png" }) => <img alt="" src={src} />;
export default function Probe() {
  return <Avatar src="https://attacker.test/avatar.png" />;
}
