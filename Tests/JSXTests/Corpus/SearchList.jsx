import { useDeferredValue, useState, useCallback } from 'react';

export const highlight = (text, query) => {
  if (!query) return text;
  const parts = text.split(new RegExp(`(${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'));
  return parts.map((part, i) => part.toLowerCase() === query.toLowerCase() ? <mark key={i}>{part}</mark> : part);
};

export default function SearchList({ items = [] }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = items.filter(item => item.title.toLowerCase().includes(deferred.toLowerCase()));
  const onChange = useCallback(e => setQuery(e.target.value), []);
  let summary;
  if (results.length === 0) summary = 'No results';
  else if (results.length === 1) summary = '1 result';
  else summary = `${results.length} results`;
  return (
    <div>
      <input type="search" value={query} onChange={onChange} aria-label="Search" />
      <p aria-live="polite">{summary}</p>
      <ol>
        {results.map(r => <li key={r.id}>{highlight(r.title, deferred)}<br /><small>{r.subtitle || ''}</small></li>)}
      </ol>
    </div>
  );
}
