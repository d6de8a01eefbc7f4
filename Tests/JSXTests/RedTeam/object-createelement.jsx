// probe: iframe from a computed tag; refused by: unlisted-element
import { createElement } from "react";
export default function Probe() {
  const tag = ["obj", "ect"].join("");
  return createElement(tag, { data: "https://attacker.test/object" });
}
