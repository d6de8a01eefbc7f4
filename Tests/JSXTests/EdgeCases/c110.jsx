x = 'use strict'
