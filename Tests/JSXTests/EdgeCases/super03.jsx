class A extends B { constructor() { function f() { super(); } } }
