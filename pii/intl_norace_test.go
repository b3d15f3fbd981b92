//go:build !race

package pii

const intlRace = false
