//go:build race

package pii

// intlRace is true when the race detector is on: sync.Pool then drops
// items on purpose, so allocation counts are meaningless.
const intlRace = true
