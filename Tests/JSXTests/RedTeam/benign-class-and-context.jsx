// benign twin: must pass the check
import React, { Component, createContext, useContext, useState } from "react";
const Choice = createContext(null);
function Option({ value }) {
  const ctx = useContext(Choice);
  return <button type="button" aria-pressed={ctx.value === value} onClick={() => ctx.setValue(value)}>{value}</button>;
}
class Counter extends Component {
  state = { count: 0 };
  increment = () => this.setState(({ count }) => ({ count: count + 1 }));
  render() {
    return <button type="button" onClick={this.increment}>{this.state.count}</button>;
  }
}
export default function Probe() {
  const [value, setValue] = useState("a");
  return (
    <Choice.Provider value={{ value, setValue }}>
      <Option value="a" /><Option value="b" /><Counter />
    </Choice.Provider>
  );
}
