x = <div>a</div> < 1
