x = #a
