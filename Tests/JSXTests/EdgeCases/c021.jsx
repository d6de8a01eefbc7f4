if (a) function f() {}
