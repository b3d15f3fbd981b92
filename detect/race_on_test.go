//go:build race

package detect_test

// raceEnabled: sync.Pool drops items at random under the race detector, so
// allocation counts that depend on it are not meaningful.
const raceEnabled = true
