x = 0b101 + 0o17 + 0xFF
