var enum = 1
