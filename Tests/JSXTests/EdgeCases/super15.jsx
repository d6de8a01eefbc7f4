class A extends B { static constructor() { super(); } }
