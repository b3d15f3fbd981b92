package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// dobTryRef is dobTry as it was before the chat-timestamp shortcut
// (dobChatStamp), kept to compare with.
func dobTryRef(dst []detect.Finding, w *detect.Window, h, next int) ([]detect.Finding, int) {
	t := w.Text
	s, e, info, ok := dobAt(t, h)
	// Only a reported date is skipped past: one dropped (glued, no
	// birth word, a timestamp) may hide a real date starting inside
	// it ("x12 March 1961-03-12"), and skipping it would make the
	// decision depend on a chain of such dates of any length.
	// (dobTimestamp before dobNearCue: the cheaper test first, and chat
	// timestamps are the commonest dates.)
	if !ok || intlEdge(w, s, e, 2) || intlGluedBefore(t, s) || intlGluedAfter(t, e) || dobTimestamp(t, e) || !dobNearCue(t, s, e) {
		return dst, next
	}
	score := dobBareScore
	if info>>9&0xfff < 100 {
		score = dobTwoDigitYearScore
	}
	return append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info}), e
}

// dobRefCheck compares dobTry with dobTryRef at every digit of s, in
// windows with the edges open or closed.
func dobRefCheck(t *testing.T, s string) {
	b := []byte(s)
	for _, edge := range [][2]bool{{true, true}, {false, false}} {
		w := &detect.Window{Text: b, Base: 11, AtStart: edge[0], AtEnd: edge[1]}
		for h := range b {
			if !intlDigit(b[h]) {
				continue
			}
			got, gn := dobTry(nil, w, h, 0)
			want, wn := dobTryRef(nil, w, h, 0)
			if !slices.Equal(got, want) || gn != wn {
				t.Fatalf("dobTry(%q, %d) = %v %d, want %v %d", s, h, got, gn, want, wn)
			}
		}
	}
}

var dobRefTexts = []string{
	"Happy birthday!! 🎉\n[06/12/2031, 13:45] Jo: DOB 12/03/1961, 09:30 and born 12-03-1961, 09:30:00 x",
	"date of birth 12/03/1961, 9:30 born 12.03.1961, 09:3 dob 12/03/19610, 09:30 dob 12/03/1961,  09:30",
	"dob 12/03/1961, 009:30 dob 12/03/1961 09:30 dob 12/3/1961, 09:30 dob 12/03-1961, 09:30 dob 31/02/1961, 09:30",
	"born 1961/03/12, 09:30 born 12/03/61, 09:30 born 12/13/1961, 09:30: born 12/03/1961, 09:30x",
}

func TestDOBRef(t *testing.T) {
	for _, s := range append(intlStripAll(dobCases), dobRefTexts...) {
		dobRefCheck(t, s)
	}
}

func FuzzDOBRef(f *testing.F) {
	for _, s := range append(intlStripAll(dobCases), dobRefTexts...) {
		f.Add(s)
	}
	f.Fuzz(dobRefCheck)
}

func TestDOBChatStamp(t *testing.T) {
	for s, want := range map[string]bool{
		"06/12/2031, 13:45]": true, "12-03-1961, 09:30 x": true, "12.03.1961, 09:30:00": true,
		"12/03-1961, 09:30 x": false, "12/03/1961 09:30 xx": false, "12/03/1961, 9:30 xx": false,
		"12/03/1961, 09:30": true, "12/03/1961, 09:3": false, "1/03/1961, 09:30 xx": false, "12/03/19611, 09:30 ": false,
	} {
		if got := dobChatStamp([]byte(s), 0); got != want {
			t.Errorf("dobChatStamp(%q) = %v, want %v", s, got, want)
		}
	}
}
