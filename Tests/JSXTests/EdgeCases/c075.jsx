import def, * as ns from "x"
