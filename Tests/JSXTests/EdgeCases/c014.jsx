x = <div>{...a}</div>
