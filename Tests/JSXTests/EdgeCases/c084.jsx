x = a < b > c
