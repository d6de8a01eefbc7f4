for (x of y) {}
