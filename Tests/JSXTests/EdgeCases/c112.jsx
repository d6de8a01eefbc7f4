var yield = 1
