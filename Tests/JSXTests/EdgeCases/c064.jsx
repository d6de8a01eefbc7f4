x = await 1
