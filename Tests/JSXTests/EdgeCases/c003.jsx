x = async
