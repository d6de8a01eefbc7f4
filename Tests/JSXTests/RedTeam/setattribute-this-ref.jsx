// probe: setAttribute at run time; refused by: unlisted-call
import React, { Component, createContext, useContext } from "react";
const Page = createContext(null);
function Inner() {
  const node = useContext(Page);
  return <button type="button" onClick={() => node.setAttribute("onclick", "fetch('/pwned')")}>Arm</button>;
}
export default class Probe extends Component {
  box = React.createRef();
  componentDidMount() { this.box.current.setAttribute("onmouseover", "fetch('/pwned')"); }
  render() {
    return <div ref={this.box}><Page.Provider value={this.box.current}><Inner /></Page.Provider>Hover</div>;
  }
}
