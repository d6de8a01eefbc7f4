x = async(1, 2)
