delete a.b
