x = { m: function () { return super.m(); } }
