class A { #a; m() { return #a in this } }
