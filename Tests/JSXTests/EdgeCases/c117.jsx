arguments = 1
