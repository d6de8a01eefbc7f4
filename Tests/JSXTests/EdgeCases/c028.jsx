x = (a, b) => a, c
