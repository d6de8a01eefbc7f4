x = async () => {}
