import React, { useState } from "react";

const steps = ["Details", "Address", "Review"];

export default function Wizard({ onDone }) {
  const [step, setStep] = useState(0);
  const [data, setData] = useState({ name: "", street: "", city: "" });
  const update = (field) => (e) => setData({ ...data, [field]: e.target.value });
  const isLast = step === steps.length - 1;
  let body;
  switch (steps[step]) {
    case "Details":
      body = <input value={data.name} onChange={update("name")} placeholder="Name" />;
      break;
    case "Address":
      body = (
        <>
          <input value={data.street} onChange={update("street")} placeholder="Street" />
          <input value={data.city} onChange={update("city")} placeholder="City" />
        </>
      );
      break;
    default:
      body = <pre>{JSON.stringify(data, null, 2)}</pre>;
  }
  return (
    <div className="space-y-4">
      <ol className="flex gap-2">
        {steps.map((s, i) => <li key={s} className={i <= step ? "font-bold" : "opacity-50"}>{i + 1}. {s}</li>)}
      </ol>
      {body}
      <div className="flex justify-between">
        <button disabled={!step} onClick={() => setStep(step - 1)}>Back</button>
        <button onClick={() => (isLast ? onDone?.(data) : setStep(step + 1))}>{isLast ? "Finish" : "Next"}</button>
      </div>
    </div>
  );
}
