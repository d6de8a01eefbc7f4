// benign twin: must pass the check
import { useState } from "react";
const plans = [{ name: "Basic", price: 9 }, { name: "Pro", price: 29 }];
const labels = { monthly: "per month", yearly: "per year" };
export default function Probe() {
  const [i, setI] = useState(0);
  const [period, setPeriod] = useState("monthly");
  const price = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(plans[i].price);
  return (
    <div>
      <p>{plans[i].name}: {price} {labels[period]}</p>
      <button type="button" onClick={() => setI((i + 1) % plans.length)}>Next</button>
      <button type="button" onClick={() => setPeriod(period === "monthly" ? "yearly" : "monthly")}>Switch</button>
    </div>
  );
}
