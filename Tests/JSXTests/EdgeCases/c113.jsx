var static = 1
