for (let x = 1, y = 2; ;) break
