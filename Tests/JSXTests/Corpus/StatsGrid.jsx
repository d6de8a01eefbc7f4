const stats = [
  { label: 'Revenue', value: 48250.5, delta: 0.12 },
  { label: 'Users', value: 1_204, delta: -0.03 },
  { label: 'Churn', value: .021, delta: 0 },
];

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function Delta({ value }) {
  const tone = value > 0 ? 'text-green-600' : value < 0 ? 'text-red-600' : 'text-gray-500';
  return <span className={tone}>{value >= 0 ? '+' : ''}{(value * 100).toFixed(1)}%</span>;
}

export default function StatsGrid({ title = 'Overview', compact }) {
  return (
    <section>
      <h2 className={compact ? 'text-sm' : 'text-lg'}>{title}</h2>
      <dl className="grid grid-cols-3 gap-4">
        {stats.map(s => (
          <div key={s.label} className="rounded-xl bg-white p-4 shadow-sm">
            <dt className="text-xs uppercase tracking-wide text-gray-500">{s.label}</dt>
            <dd className="text-2xl font-semibold">{fmt.format(s.value)} <Delta value={s.delta} /></dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
