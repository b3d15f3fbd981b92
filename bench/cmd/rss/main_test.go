//go:build unix

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
)

func TestVmHWM(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	if v := vmHWM(); v <= 0 {
		t.Fatalf("vmHWM() = %d, want > 0", v)
	}
	if cpuTime() <= 0 {
		t.Fatal("cpuTime() is zero")
	}
}

func TestRun(t *testing.T) {
	if err := run("none", "256KiB", "typical", 1, "", 1, 0, "", filepath.Join(t.TempDir(), "heap.prof")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "in.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Write(f, nil, corpus.Config{Seed: 1, Size: 256 << 10, Density: corpus.Dense}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, w := range []int{1, 2} {
		if err := run("none", "", "typical", 1, path, w, 16<<10, "", ""); err != nil {
			t.Fatalf("workers %d: %v", w, err)
		}
	}
	if err := run("nope", "1KiB", "typical", 1, "", 1, 0, "", ""); err == nil {
		t.Error("unknown set accepted")
	}
}
