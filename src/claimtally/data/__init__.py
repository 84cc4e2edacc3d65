"""Reading a claims package: descriptor, CSV tables, row models, column checks, scaffold, hashes."""
