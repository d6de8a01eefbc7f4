let {a, ...b} = c
