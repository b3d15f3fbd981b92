package source_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect/source"
)

func benchChat(n int) []byte {
	var b strings.Builder
	senders := []string{"Alice Example", "Bob Sample", "Carol Test"}
	for i := range n {
		fmt.Fprintf(&b, "[12/03/2021, 09:%02d:%02d] %s: message %d about the plan for the week", i/60%60, i%60, senders[i%3], i)
		if i%10 == 0 {
			fmt.Fprintf(&b, "; mail u%d@example.com", i)
		}
		if i%7 == 0 {
			b.WriteString("\nand a second line")
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func benchMbox(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "From u%d@example.com Sat Mar 13 09:30:00 2021\nFrom: User %d <u%d@example.com>\nTo: Alice Example <alice@example.com>\n"+
			"Subject: note %d\nMessage-ID: <m%d@example.com>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"+
			"Hello Alice, the fee is =C2=A340. Reach me at u%d@example.com.\n%s\n\n", i, i, i, i, i, i, strings.Repeat("Filler text for the body of the message. ", 20))
	}
	return []byte(b.String())
}

func benchScan(b *testing.B, name string, data []byte) {
	eng := engine(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := source.Scan(eng, name, bytes.NewReader(data), nil, func(*source.Finding, []byte) error { n++; return nil })
		if err != nil || n == 0 {
			b.Fatal(err, n)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	chat, mbox := benchChat(5000), benchMbox(500)
	text := bytes.Repeat([]byte("plain text line with an address u1@example.com in it\n"), 20000)
	b.Run("text", func(b *testing.B) { benchScan(b, "a.txt", text) })
	b.Run("whatsapp", func(b *testing.B) { benchScan(b, "_chat.txt", chat) })
	b.Run("mbox", func(b *testing.B) { benchScan(b, "a.mbox", mbox) })
}
