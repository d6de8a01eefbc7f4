x = y
/a/g
