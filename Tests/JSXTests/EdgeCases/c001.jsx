x = {a, b, ...c}
