import React from "react";
import { motion } from "framer-motion";

const plans = [
  { name: "Starter", price: 0, features: ["1 project", "Community support"] },
  { name: "Pro", price: 29, features: ["Unlimited projects", "Priority support", "Analytics"], featured: true },
  { name: "Enterprise", price: null, features: ["SSO", "Audit log", "SLA"] },
];

const formatPrice = (p) => p === null ? "Contact us" : p === 0 ? "Free" : `$${p}/mo`;

export default function PricingCards({ currency = "USD", onChoose }) {
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
      {plans.map((plan, index) =>
        <motion.div key={plan.name} initial={{ opacity: 0, y: 10 }} animate={{ opacity: 1, y: 0 }}
          transition={{ delay: index * 0.1 }}
          className={`rounded-2xl border p-6 ${plan.featured ? "border-indigo-500 ring-2 ring-indigo-500" : ""}`}>
          <h3 className="text-xl font-bold">{plan.name}</h3>
          <p className="mt-2 text-3xl">{formatPrice(plan.price)} <small>{currency}</small></p>
          <ul className="mt-4 space-y-1">
            {plan.features.map(f => <li key={f}>✓ {f}</li>)}
          </ul>
          <button onClick={() => onChoose?.(plan)} className="mt-6 w-full rounded-full bg-gradient-to-r from-purple-500 to-blue-500 py-2 text-white">
            Choose {plan.name}
          </button>
        </motion.div>
      )}
    </div>
  );
}
