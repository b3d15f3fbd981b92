package phone_test

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nyaruka/phonenumbers"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii/phone"
)

var update = flag.Bool("update", false, "rewrite testdata/ACCURACY.md")

type vector struct{ prefix, value, suffix, e164 string }

func (v vector) text() string { return v.prefix + v.value + v.suffix }

var numberTypes = []phonenumbers.PhoneNumberType{
	phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE,
	phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
	phonenumbers.UAN, phonenumbers.VOICEMAIL,
}

// exampleVectors returns libphonenumber's example numbers (from its
// metadata, via phonenumbers) for every region and number type, written
// in international and E.164 format (and national format for GB), and
// invalid twins: each example with its last digit dropped, kept when
// phonenumbers itself says the result is invalid.
func exampleVectors() (valid, invalid []vector) {
	regions := make([]string, 0, 250)
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	var nums []*phonenumbers.PhoneNumber
	for _, region := range regions {
		for _, typ := range numberTypes {
			if n := phonenumbers.GetExampleNumberForType(region, typ); n != nil {
				nums = append(nums, n)
				if region == "GB" {
					e := phonenumbers.Format(n, phonenumbers.E164)
					valid = append(valid, vector{"Tel: ", phonenumbers.Format(n, phonenumbers.NATIONAL), ".", e})
				}
			}
		}
	}
	codes := make([]int, 0, 16)
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		codes = append(codes, cc)
	}
	slices.Sort(codes)
	for _, cc := range codes {
		if n := phonenumbers.GetExampleNumberForNonGeoEntity(cc); n != nil {
			nums = append(nums, n)
		}
	}
	for _, n := range nums {
		e := phonenumbers.Format(n, phonenumbers.E164)
		valid = append(valid,
			vector{"Tel: ", phonenumbers.Format(n, phonenumbers.INTERNATIONAL), ".", e},
			vector{"call ", e, " now", e})
		short := e[:len(e)-1]
		if p, err := phonenumbers.Parse(short, "GB"); err != nil || !phonenumbers.IsValidNumber(p) {
			invalid = append(invalid, vector{"call ", short, " now", ""})
		}
	}
	return valid, invalid
}

// dramaVectors returns numbers from Ofcom's drama ranges, national and
// international, and hard negatives that are not phone numbers.
func dramaVectors() (valid, invalid []vector) {
	r := rand.New(rand.NewPCG(1, 2))
	nat := []string{"0113 496 0%03d", "0161 496 0%03d", "020 7946 0%03d", "029 2018 0%03d", "01632 960%03d", "07700 900%03d", "0808 157 0%03d"}
	intl := []string{"+44 113 496 0%03d", "+44 20 7946 0%03d", "+44 (0)20 7946 0%03d", "+44 7700 900%03d", "0044 7700 900%03d", "+447700900%03d"}
	for i := 0; i < 300; i++ {
		k := r.IntN(1000)
		f := nat[i%len(nat)]
		valid = append(valid, vector{"Mob: ", fmt.Sprintf(f, k), ".", ""})
		f = intl[i%len(intl)]
		valid = append(valid, vector{"phone ", fmt.Sprintf(f, k), " (day)", ""})
	}
	for i := 0; i < 300; i++ {
		d, m, y := 1+r.IntN(28), 1+r.IntN(12), 1950+r.IntN(75)
		for _, v := range []vector{
			{"on ", fmt.Sprintf("%02d/%02d/%d", d, m, y), " at noon", ""},
			{"at ", fmt.Sprintf("%d-%02d-%02d %02d:%02d:%02d", y, m, d, r.IntN(24), r.IntN(60), r.IntN(60)), "", ""},
			{"version ", fmt.Sprintf("%d.%d.%d.%d", r.IntN(20), r.IntN(20), r.IntN(100), r.IntN(10000)), "", ""},
			{"host ", fmt.Sprintf("%d.%d.%d.%d", 1+r.IntN(254), r.IntN(256), r.IntN(256), r.IntN(256)), "", ""},
			{"total £", fmt.Sprintf("%d,%03d,%03d.%02d", 1+r.IntN(999), r.IntN(1000), r.IntN(1000), r.IntN(100)), "", ""},
			{"order #", fmt.Sprintf("0%010d", r.IntN(1e10)), " shipped", ""},
			{"ISBN ", fmt.Sprintf("978-0-%03d-%05d-%d", r.IntN(1000), r.IntN(100000), r.IntN(10)), "", ""},
			{"id ", fmt.Sprintf("X%011d", r.IntN(1e11)), "", ""},
			{"call ", fmt.Sprintf("020 7946 %03d", r.IntN(1000)), "", ""}, // one digit short
			{"card ", fmt.Sprintf("4%03d %04d %04d %04d", r.IntN(1000), r.IntN(10000), r.IntN(10000), r.IntN(10000)), "", ""},
		} {
			invalid = append(invalid, v)
		}
	}
	return valid, invalid
}

func TestAccuracy(t *testing.T) {
	d := phone.New(phone.Options{})
	eng := detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: 50})
	ev, ei := exampleVectors()
	dv, di := dramaVectors()
	sets := []struct {
		name, source   string
		valid, invalid []vector
	}{
		{"libphonenumber examples", "phonenumbers v1.8.1 metadata: example number per region and type (international, E.164; national for GB); invalid = example minus last digit, invalid per phonenumbers", ev, ei},
		{"Ofcom drama + hard negatives", "Ofcom drama ranges, national and international; dates, times, versions, IPs, money, order numbers, ISBNs, short numbers, card numbers", dv, di},
	}
	var md bytes.Buffer
	md.WriteString("# Accuracy of the phone number detector\n\n")
	md.WriteString("Generated by `go test ./pii/phone -run TestAccuracy -update`; do not edit. Region GB, MinScore 50.\n")
	md.WriteString("A valid vector is accepted when the detector reports exactly it (and, for libphonenumber examples,\n")
	md.WriteString("Detail gives the same E.164); an invalid vector is rejected when no finding overlaps it.\n")
	md.WriteString("Targets: accept >= 99.5% of valid, reject >= 99% of invalid. Sources: README.md.\n\n")
	md.WriteString("| Set | Valid | Accepted | Accept % | Invalid | Rejected | Reject % | Vectors |\n")
	md.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
	for _, s := range sets {
		acc, rej := 0, 0
		var missed, leaked []string
		for _, v := range s.valid {
			if accept(eng, v) {
				acc++
			} else if len(missed) < 8 {
				missed = append(missed, v.text())
			}
		}
		for _, v := range s.invalid {
			if reject(eng, v) {
				rej++
			} else if len(leaked) < 8 {
				leaked = append(leaked, v.text())
			}
		}
		pa := 100 * float64(acc) / float64(len(s.valid))
		pr := 100 * float64(rej) / float64(len(s.invalid))
		fmt.Fprintf(&md, "| %s | %d | %d | %.2f | %d | %d | %.2f | %s |\n", s.name, len(s.valid), acc, pa, len(s.invalid), rej, pr, s.source)
		if len(missed)+len(leaked) > 0 {
			t.Logf("%s: missed %q; leaked %q", s.name, missed, leaked)
		}
		if pa < 99.5 {
			t.Errorf("%s: accepted %.2f%%, want >= 99.5%%; missed e.g. %q", s.name, pa, missed)
		}
		if pr < 99 {
			t.Errorf("%s: rejected %.2f%%, want >= 99%%; leaked e.g. %q", s.name, pr, leaked)
		}
	}
	path := filepath.Join("testdata", "ACCURACY.md")
	if *update {
		if err := os.WriteFile(path, md.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, md.Bytes()) {
		t.Errorf("%s is out of date (run go test ./pii/phone -run TestAccuracy -update):\n%s", path, md.Bytes())
	}
}

func accept(eng *detect.Engine, v vector) bool {
	text := []byte(v.text())
	fs, _ := eng.AppendFind(nil, text)
	s, e := int64(len(v.prefix)), int64(len(v.prefix)+len(v.value))
	for _, f := range fs {
		if f.Start == s && f.End == e {
			if v.e164 == "" {
				return true
			}
			n, err := eng.Detail(f, text[f.Start:f.End])
			return err == nil && n.(phone.Number).E164 == v.e164
		}
	}
	return false
}

func reject(eng *detect.Engine, v vector) bool {
	fs, _ := eng.AppendFind(nil, []byte(v.text()))
	s, e := int64(len(v.prefix)), int64(len(v.prefix)+len(v.value))
	for _, f := range fs {
		if f.Start < e && f.End > s {
			return false
		}
	}
	return true
}
