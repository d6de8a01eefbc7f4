x = a
++b
