x = <div attr="&quot;" />
