import def, { a } from "x"
