x = function* () { yield; yield 1; yield* g(); }
