package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestMiddleware(t *testing.T) {
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPolicy("OFFICIAL-SENSITIVE", "block", 60, "flag", 1<<10)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Middleware(eng, p, http.HandlerFunc(echo))) // loopback only
	defer srv.Close()

	tests := []struct {
		name, body string
		status     int
		header     string // substring of the findings header ("" means absent)
		reply      string // substring of the response body
	}{
		{"clean", "Lunch at noon?", 200, "", "accepted 14 bytes"},
		{"sensitive", "OFFICIAL-SENSITIVE\n\nThe draft budget is attached.", 422, "", "OFFICIAL-SENSITIVE at or above"},
		{"secret", "SECRET - UK EYES ONLY\nPlans follow.", 422, "", "protective marking SECRET"},
		{"below level", "OFFICIAL\n\nMinutes of the meeting.", 200, "marking=OFFICIAL", "accepted"},
		{"personal data", "Please email jane.doe@example.com or call 020 7946 0018.", 200, "email=1", `findings: "`},
		{"too big", strings.Repeat("x", 2000), 413, "", "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Post(srv.URL, "text/plain", strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d (body %q)", resp.StatusCode, tt.status, b)
			}
			h := resp.Header.Get(Header)
			if (tt.header == "") != (h == "") || !strings.Contains(h, tt.header) {
				t.Errorf("%s = %q, want %q", Header, h, tt.header)
			}
			if !strings.Contains(string(b), tt.reply) {
				t.Errorf("body = %q, want it to contain %q", b, tt.reply)
			}
			if strings.Contains(h, "jane") || strings.Contains(string(b), "jane") {
				t.Errorf("a matched value leaked into the response")
			}
		})
	}
}

func TestPIIBlock(t *testing.T) {
	eng, err := newEngine()
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPolicy("SECRET", "flag", 50, "block", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if v := Inspect(eng, p, []byte("Contact a.b@example.com")); !v.Block {
		t.Errorf("Inspect with pii=block = %+v, want blocked", v)
	}
	if v := Inspect(eng, p, []byte("SECRET\n\nno personal data here")); v.Block || !strings.Contains(v.Summary, "marking=SECRET") {
		t.Errorf("Inspect with marking=flag = %+v, want flagged, not blocked", v)
	}
	if _, err := NewPolicy("BANANA", "block", 60, "flag", 1); err == nil {
		t.Error("NewPolicy accepted an unknown level")
	}
}
