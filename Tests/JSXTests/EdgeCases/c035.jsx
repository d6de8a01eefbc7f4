let [...a,] = c
