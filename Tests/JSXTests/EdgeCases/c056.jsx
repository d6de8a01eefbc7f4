label: { break label; }
