try {} finally {}
