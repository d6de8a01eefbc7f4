function f() { new.target }
