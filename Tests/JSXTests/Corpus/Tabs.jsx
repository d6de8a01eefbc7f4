import { useState, useId, createContext, useContext } from "react";

const TabsContext = createContext(null);

export function Tabs({ defaultValue, children, ...rest }) {
  const [value, setValue] = useState(defaultValue);
  const id = useId();
  return <TabsContext.Provider value={{ value, setValue, id }}><div {...rest}>{children}</div></TabsContext.Provider>;
}

export function Tab({ value, children }) {
  const ctx = useContext(TabsContext);
  const selected = ctx.value === value;
  return (
    <button role="tab" aria-selected={selected} id={`${ctx.id}-${value}`}
      className={["px-3 py-1", selected && "border-b-2 border-blue-600"].filter(Boolean).join(" ")}
      onClick={() => ctx.setValue(value)}>
      {children}
    </button>
  );
}

export function TabPanel({ value, children }) {
  const { value: current } = useContext(TabsContext);
  return current !== value ? null : <div role="tabpanel">{children}</div>;
}

export default function Example() {
  return (
    <Tabs defaultValue="a" className="w-full">
      <Tab value="a">Account</Tab><Tab value="b">Billing</Tab>
      <TabPanel value="a">Account settings</TabPanel>
      <TabPanel value="b">Billing &amp; invoices</TabPanel>
    </Tabs>
  );
}
