function f(eval) {}
