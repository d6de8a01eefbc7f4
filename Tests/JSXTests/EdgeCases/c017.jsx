x = a?.b`c`
