x = { get() {}, set() {}, async() {} }
