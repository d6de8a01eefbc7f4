import { useMemo, useState } from "react";

const columns = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "role", label: "Role", render: (v) => v?.toUpperCase() ?? "—" },
];

export function DataTable({ rows = [], pageSize = 10 }) {
  const [sort, setSort] = useState({ key: "name", dir: 1 });
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => [...rows].sort((a, b) => (a[sort.key] > b[sort.key] ? sort.dir : -sort.dir)), [rows, sort]);
  const visible = sorted.slice(page * pageSize, (page + 1) * pageSize);
  const pages = Math.ceil(rows.length / pageSize) || 1;

  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <thead className="bg-gray-50">
          <tr>
            {columns.map(({ key, label }) => (
              <th key={key} onClick={() => setSort((s) => ({ key, dir: s.key === key ? -s.dir : 1 }))}
                className="px-4 py-2 text-left font-semibold">
                {label} {sort.key === key && (sort.dir > 0 ? "▲" : "▼")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((row, i) => (
            <tr key={row.id ?? i} className={i % 2 ? "bg-gray-50" : undefined}>
              {columns.map((c) => <td key={c.key} className="px-4 py-2">{c.render ? c.render(row[c.key]) : row[c.key]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="flex gap-2 p-2">
        <button disabled={page === 0} onClick={() => setPage((p) => p - 1)}>Prev</button>
        <span>{page + 1} / {pages}</span>
        <button disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>Next</button>
      </nav>
    </div>
  );
}

export default DataTable;
