package phone

// Calls reports how many times d has called phonenumbers (cache misses),
// for benchmarks.
func Calls(d *Detector) int64 { return d.calls.Load() }

// GateSeeds are gateSeeds, for the external tests.
var GateSeeds = gateSeeds
