x = <div>></div>
