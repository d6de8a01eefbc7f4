import * as ns from "x"; 
