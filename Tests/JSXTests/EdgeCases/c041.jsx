x = 1.0.toString()
