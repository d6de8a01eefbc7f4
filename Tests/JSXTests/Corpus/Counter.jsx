import React, { Component } from "react";

export default class Counter extends Component {
  static defaultProps = { step: 1 };
  state = { count: 0 };
  #clicks = 0;

  increment = () => {
    this.#clicks++;
    this.setState(({ count }) => ({ count: count + this.props.step }));
  };

  get label() {
    return `Clicked ${this.#clicks} times`;
  }

  render() {
    const { count } = this.state;
    return (
      <div className="inline-flex items-center gap-3">
        <button onClick={this.increment} title={this.label}>+{this.props.step}</button>
        <output>{count}</output>
      </div>
    );
  }
}
