import {} from "x"
