x = eval
