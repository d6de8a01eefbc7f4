class A { static async *x() {} }
