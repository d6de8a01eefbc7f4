// probe: iframe from a computed tag; refused by: unlisted-call
import { jsx } from "react/jsx-runtime";
export default function Probe() {
  return jsx(String.fromCharCode(105, 102, 114, 97, 109, 101), { src: "https://attacker.test/frame2" });
}
