x = <div a=<b/> />
