package decode

import (
	"bytes"
	"io"
	"testing"
)

type repeatReader struct {
	unit []byte
	n, i int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.i >= r.n {
		return 0, io.EOF
	}
	p = p[:min(len(p), r.n-r.i)]
	for k := range p {
		p[k] = r.unit[(r.i+k)%len(r.unit)]
	}
	r.i += len(p)
	return len(p), nil
}

// TestMemoryBounded decodes 10 MiB of UTF-16 without a line break and
// checks that the reader's buffers stay within their documented bounds.
func TestMemoryBounded(t *testing.T) {
	const size = 10 * 1 << 20
	unit := []byte{'a', 0, '1', 0, 0xE9, 0, 0x3D, 0xD8, 0x00, 0xDE} // "a1é😀"
	for _, hist := range []int{0, 64 << 10} {
		src := &repeatReader{unit: unit, n: size}
		r := NewReader(io.MultiReader(bytes.NewReader([]byte{0xFF, 0xFE}), src), &Options{History: hist})
		buf := make([]byte, 4096)
		var n int64
		maxRaw, maxBlocks := 0, 0
		for {
			m, err := r.Read(buf)
			n += int64(m)
			maxRaw = max(maxRaw, cap(r.raw))
			maxBlocks = max(maxBlocks, cap(r.blocks))
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if want := int64(size / 10 * 8); n != want {
			t.Fatalf("decoded %d bytes, want %d", n, want)
		}
		// Raw history: at most 2 original bytes per decoded byte of the
		// window, plus a block and the read slack, doubled for compaction.
		if lim := 4 * (2*int(r.hist) + 2*BlockSize + readSize); maxRaw > lim {
			t.Errorf("history %d: raw buffer grew to %d bytes, limit %d", hist, maxRaw, lim)
		}
		if lim := 4 * (int(r.hist)/BlockSize + 64); maxBlocks > lim {
			t.Errorf("history %d: %d checkpoints, limit %d", hist, maxBlocks, lim)
		}
		if m := r.MapOffset(n); m != size+2 {
			t.Errorf("MapOffset(end) = %d, want %d", m, size+2)
		}
		// The last "a1é😀" is 8 decoded bytes from 10 original ones.
		if m := r.MapOffset(n - 8); m != size+2-10 {
			t.Errorf("MapOffset(end-11) = %d, want %d", m, size+2-10)
		}
		if m := r.MapOffset(n - 2); m != size+2-4 {
			t.Errorf("MapOffset(end-2) = %d, want %d", m, size+2-4)
		}
		t.Logf("history %d: raw cap %d, checkpoints cap %d", r.hist, maxRaw, maxBlocks)
	}
}
