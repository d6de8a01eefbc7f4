class A { get; set; static; async; }
