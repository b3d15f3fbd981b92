package pii

import (
	"math/rand/v2"
	"testing"

	"github.com/tidemark/tidemark/detect/detecttest"
)

func TestIPParse(t *testing.T) {
	v4 := []struct {
		in    string
		score int // 0: invalid
	}{
		{"192.0.2.1", 60}, {"198.51.100.42", 60}, {"203.0.113.255", 60}, {"8.8.8.8", 40},
		{"10.1.2.3", 50}, {"172.16.0.1", 50}, {"192.168.1.10", 50}, {"127.0.0.1", 35},
		{"0.0.0.0", 35}, {"255.255.255.255", 35}, {"169.254.1.1", 35},
		{"256.1.1.1", 0}, {"1.2.3", 0}, {"1.2.3.4.5", 0}, {"01.2.3.4", 0}, {"1..2.3", 0},
		{"192.0.2.1000", 0}, {"1.2.3.", 0},
	}
	for _, tc := range v4 {
		score, ok := ipV4([]byte(tc.in))
		if ok != (tc.score > 0) || ok && score != tc.score {
			t.Errorf("ipV4(%q) = %d, %v; want %d", tc.in, score, ok, tc.score)
		}
	}
	v6 := []struct {
		in    string
		score int
	}{
		{"2001:db8::1", 65}, {"2001:0db8:0000:0000:0000:ff00:0042:8329", 65},
		{"2001:db8:85a3::8a2e:370:7334", 65}, {"::ffff:192.0.2.128", 65}, {"fe80::1", 45},
		{"::1", 45}, {"2001:db8::", 45}, {"1:2:3:4:5:6:7:8", 65}, {"64:ff9b::192.0.2.33", 65},
		{"12:30:45", 0}, {"00:1A:2B:3C:4D:5E", 0}, {"2001:db8:::1", 0}, {"1:2:3:4:5:6:7:8:9", 0},
		{"2001:db8::1::2", 0}, {"12345::1", 0}, {"::", 0}, {":1:2", 0}, {"1:2:3:4:5:6:7::8:9", 0},
		{"::ffff:300.1.1.1", 0}, {"::1.2.3.4:5", 0},
	}
	for _, tc := range v6 {
		score, ok := ipV6([]byte(tc.in))
		if ok != (tc.score > 0) || ok && score != tc.score {
			t.Errorf("ipV6(%q) = %d, %v; want %d", tc.in, score, ok, tc.score)
		}
	}
}

var ipCases = []string{
	"client ⟦192.0.2.1⟧ connected",
	"from ⟦198.51.100.42⟧:443 and ⟦203.0.113.7⟧/24",
	"http://⟦203.0.113.9⟧/login",
	"IP:⟦192.0.2.44⟧.",
	"host ⟦2001:db8::1⟧ up",
	"[⟦2001:db8:85a3::8a2e:370:7334⟧]:8080",
	"mapped ⟦::ffff:192.0.2.128⟧ ok",
	"full ⟦2001:0db8:0000:0000:0000:ff00:0042:8329⟧",
	"ip address ⟦fe80::1⟧",
	// Hard negatives.
	"version 1.2.3.4 released",
	"v1.2.3.4 and v10.20.30.40",
	"1.2.3.4.5 and 10.20.30.40.50",
	"dated 12.03.2021 at 12:30:45",
	"MAC 00:1A:2B:3C:4D:5E",
	"build 10.0.19041.1 and 256.1.1.1",
	"ISBN 978-3-16-148410-0 cost £1,234.56",
	"OID 1.3.6.1.4.1.311",
	"std::vector<int> and a::b",
	"phone 020 7946 0958",
	"time 2021-03-12T12:30:45Z",
	"section 3.1.2.1",
	"x192.0.2.1 and 192.0.2.1y",
}

func TestIPCases(t *testing.T) {
	detecttest.Cases(t, NewIPAddress(), 50, ipCases...)
}

func TestIPRun(t *testing.T) {
	detecttest.Run(t, NewIPAddress(), intlStripAll(ipCases)...)
}

// TestIPNoColon: ipNoColon never hides a ':' that ipNearColon finds, at
// any position of random texts of hex digits, colons and other bytes.
func TestIPNoColon(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []byte("0123456789abcdefABCDEFgxyz:::. -\xff")
	for range 20000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = pieces[r.IntN(len(pieces))]
		}
		for h := range b {
			if ipNoColon(b, h) && ipNearColon(b, h) {
				t.Fatalf("ipNoColon(%q, %d) hides the ':' ipNearColon finds", b, h)
			}
		}
	}
}
