var \u0061 = 1
