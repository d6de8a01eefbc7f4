// probe: dangerouslySetInnerHTML by a computed key; refused by: spread-props
import React from "react";
const key = "dangerously".concat("SetInnerHTML");
export default function Probe() {
  return React.createElement("div", { [key]: { __html: "<img src=x onerror=\"fetch('/pwned')\">" } });
}
