delete a
