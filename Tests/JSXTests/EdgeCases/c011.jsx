x = <a:b></a:b>
