import React, { useEffect, useRef, useState, Fragment } from 'react'

function Modal({ open, title, children, onClose }) {
  const ref = useRef(null)
  useEffect(() => {
    if (!open) return
    const onKey = e => { if (e.key === 'Escape') onClose?.() }
    ref.current?.focus()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, onClose])

  if (!open) return null
  return (
    <>
      <div className="fixed inset-0 bg-black/40" onClick={onClose} aria-hidden="true" />
      <div role="dialog" aria-modal="true" aria-labelledby="modal-title" tabIndex={-1} ref={ref}
           className="fixed left-1/2 top-1/2 w-96 -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6">
        <h2 id="modal-title" className="text-lg font-semibold">{title}</h2>
        <div className="mt-2">{children}</div>
        <button className="absolute right-3 top-3" onClick={onClose} aria-label="Close">&times;</button>
      </div>
    </>
  )
}

export default function ModalDemo() {
  const [open, setOpen] = useState(false)
  return (
    <Fragment>
      <button onClick={() => setOpen(true)} className="rounded bg-indigo-600 px-4 py-2 text-white">Open</button>
      <Modal open={open} title="Delete project?" onClose={() => setOpen(false)}>
        <p>This cannot be undone. Type <code>delete</code> to confirm.</p>
      </Modal>
    </Fragment>
  )
}
