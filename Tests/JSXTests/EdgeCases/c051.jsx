for (var i = 0 in x) {}
