// probe: network by a resource load; refused by: unlisted-call
import { useEffect } from "react";
export default function Probe() {
  useEffect(() => { new Image().src = "https://attacker.test/beacon.png"; }, []);
  return <p>Hi</p>;
}
