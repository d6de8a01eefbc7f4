x = <div>{}</div>
