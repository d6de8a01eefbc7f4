x = class extends (a, b) {}
