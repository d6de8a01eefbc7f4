import { useMemo } from "react";

export default function BarChart({ data = [], width = 320, height = 160, color = "#6366f1" }) {
  const max = useMemo(() => Math.max(1, ...data.map((d) => d.value)), [data]);
  const barWidth = data.length ? width / data.length : 0;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
      <title>Bar chart</title>
      {data.map((d, i) => {
        const h = (d.value / max) * (height - 20);
        return (
          <g key={d.label} transform={`translate(${i * barWidth},0)`}>
            <rect x={2} y={height - h - 16} width={barWidth - 4} height={h} fill={color} rx="3" />
            <text x={barWidth / 2} y={height - 4} textAnchor="middle" fontSize="10">{d.label}</text>
          </g>
        );
      })}
    </svg>
  );
}
