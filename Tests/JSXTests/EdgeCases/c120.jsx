x = a.eval
