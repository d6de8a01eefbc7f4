x = <div>&nbsp;&copy;&#123;&#x7B;</div>
