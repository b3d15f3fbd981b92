package pii

import (
	"strings"
	"testing"
)

// TestEmailGTLD: emailGTLD accepts exactly the words of emailGTLDs, not
// their prefixes, extensions or neighbours run together.
func TestEmailGTLD(t *testing.T) {
	words := strings.Fields(emailGTLDs)
	for i, w := range words {
		if !emailGTLD([]byte(w)) {
			t.Errorf("emailGTLD(%q) = false", w)
		}
		for _, x := range []string{w[:len(w)-1], w + "s", w + "x", " " + w, w + " "} {
			if emailGTLD([]byte(x)) != strings.Contains(emailGTLDs, " "+x+" ") {
				t.Errorf("emailGTLD(%q) = %v", x, emailGTLD([]byte(x)))
			}
		}
		if i > 0 && emailGTLD([]byte(words[i-1]+" "+w)) {
			t.Errorf("emailGTLD(%q) = true", words[i-1]+" "+w)
		}
	}
	for _, x := range []string{"", "co", "xyz", "comm", "ukk", "foundations"} {
		if emailGTLD([]byte(x)) {
			t.Errorf("emailGTLD(%q) = true", x)
		}
	}
}
