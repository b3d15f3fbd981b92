package phone_test

import (
	"fmt"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii/phone"
)

func Example() {
	eng := detect.MustCompile(phone.All(), &detect.Options{MinScore: 50})
	text := []byte("Call me on 020 7946 0958 or +44 7911 123456 (not 12/03/1961).")
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		match := text[f.Start:f.End]
		n, _ := eng.Detail(f, match)
		fmt.Printf("%q score %d -> %s\n", match, f.Score, n.(phone.Number).E164)
	}
	// Output:
	// "020 7946 0958" score 75 -> +442079460958
	// "+44 7911 123456" score 80 -> +447911123456
}

func ExampleNew() {
	d := phone.New(phone.Options{Region: "US"})
	eng := detect.MustCompile([]detect.Detector{d}, nil)
	fs, _ := eng.AppendFind(nil, []byte("office (202) 555-0143"))
	fmt.Println(len(fs), phone.Info(fs[0].Info).CallingCode())
	// Output:
	// 1 1
}
