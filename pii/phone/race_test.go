//go:build race

package phone_test

// raceEnabled is true when the race detector is on: sync.Pool then drops
// items on purpose, so allocation counts are meaningless.
const raceEnabled = true
