package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/markings"
)

func TestAudit(t *testing.T) {
	eng := detect.MustCompile(markings.All(), nil)

	// A .zip export holding the team chat, as WhatsApp makes it.
	chat, err := os.ReadFile(filepath.Join("testdata", "team.txt"))
	if err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(t.TempDir(), "WhatsApp Chat - Team.zip")
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("_chat.txt")
	w.Write(chat)
	zw.Close()
	if err := os.WriteFile(zipPath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	rs, err := Audit(eng, []string{
		filepath.Join("testdata", "team.txt"),
		filepath.Join("testdata", "family.txt"),
		zipPath,
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	Print(&out, rs)
	want := "testdata/team.txt: OFFICIAL-SENSITIVE (message 4, 12/03/2021, 09:20:41; 2 marking(s))\n" +
		"testdata/family.txt: no marking\n" +
		zipPath + "!_chat.txt: OFFICIAL-SENSITIVE (message 4, 12/03/2021, 09:20:41; 2 marking(s))\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}
