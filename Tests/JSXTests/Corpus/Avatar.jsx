export const sizes = { sm: 'h-6 w-6', md: 'h-10 w-10', lg: 'h-16 w-16' }

export function Avatar({ src, name = '', size = 'md', ...props }) {
  const [first = '', last = ''] = name.split(' ')
  return src
    ? <img src={src} alt={name} className={`${sizes[size]} rounded-full object-cover`} {...props} />
    : <div className={`${sizes[size]} flex items-center justify-center rounded-full bg-slate-300`} {...props}>
        {first.charAt(0)}{last.charAt(0)}
      </div>
}

export function AvatarGroup({ people, max = 3 }) {
  const shown = people.slice(0, max), rest = people.length - max
  return (
    <div className="flex -space-x-2">
      {shown.map(p => <Avatar key={p.id} {...p} size="sm" />)}
      {rest > 0 && <span className="text-xs">+{rest}</span>}
    </div>
  )
}
