x = import.meta
