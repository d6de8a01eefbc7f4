x = new.target
