package names

// BuildTablesForBenchmark builds the tables afresh (not the shared copy).
func BuildTablesForBenchmark() { buildLexicon() }
