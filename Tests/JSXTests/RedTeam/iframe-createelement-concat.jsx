// probe: iframe from a computed tag; refused by: unlisted-element
import React from "react";
export default function Probe() {
  return React.createElement("ifr".concat("ame"), { srcDoc: "<script>fetch('/pwned')</script>" });
}
