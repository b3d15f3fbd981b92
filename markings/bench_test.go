package markings

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// synthCorpus returns n bytes of seeded synthetic text: chat-export
// lines (iOS and Android), e-mail headers and bodies, and prose, with a
// marking on roughly one line in 150. One line in proseEvery is a
// sentence using "official", "secret", "confidential", "protected",
// "restricted" or "classified" in their everyday senses.
func synthCorpus(seed uint64, n int) []byte { return synthCorpusDensity(seed, n, 6) }

func synthCorpusDensity(seed uint64, n, proseEvery int) []byte {
	r := rand.New(rand.NewPCG(seed, 0x6d61726b))
	names := []string{"Alex Smith", "Priya Patel", "Tom", "Jo Bloggs", "Sam Taylor", "Chris Evans", "Mo"}
	words := strings.Fields(`the a to of and in that is for it on with as was at by be this have from or
		one had not but what all were when we there can an your which their said if do will each about how up out
		them then she many some so these would other into has more her two like him see time could no make than
		first been its who now people my made over did down only way find use may water long little very after
		words called just where most know get through back much before go good new write our used me man too any
		day same right look think also around another came come work three word must because does part even place
		well such here take why things help put years different away again off went old number great tell men say
		small every found still between name should home big give air line set own under read last never us left
		end along while might next sound below saw something thought both few those always looked show large often
		together asked house don't world going want school important until form food keep children feet land side
		without boy once animals life enough took sometimes four head above kind began almost live page got earth
		need far hand high year mother light parts country father let night following picture being study second
		eyes soon times story boys since white days ever paper hard near sentence better best across during today
		others however sure means knew try told young miles sun ways thing whole hear example heard several change
		answer room sea against top turned learn point city play toward five using himself usually meeting budget
		report minister policy department update draft review contract team council office email attached thanks`)
	prose := []string{
		"the official said the figures would be published next week",
		"it was no secret that the deadline would slip",
		"please treat this as confidential until the board has met",
		"access to the site is restricted to staff with passes",
		"the data is protected under the usual terms",
		"an official statement is expected later today",
		"she kept the secret recipe in a drawer",
		"the area is restricted after dark",
		"we need to protect the budget from further cuts",
		"the classified ads are on page twelve",
		"this was a sensitive matter for the whole team",
		"officially the office opens at nine",
	}
	var b strings.Builder
	for b.Len() < n {
		switch k := r.IntN(10); {
		case k < 4: // chat line
			d, mo, h, mi := 1+r.IntN(28), 1+r.IntN(12), r.IntN(24), r.IntN(60)
			if r.IntN(2) == 0 {
				fmt.Fprintf(&b, "[%02d/%02d/2021, %02d:%02d:%02d] %s: ", d, mo, h, mi, r.IntN(60), names[r.IntN(len(names))])
			} else {
				fmt.Fprintf(&b, "%02d/%02d/2021, %02d:%02d - %s: ", d, mo, h, mi, names[r.IntN(len(names))])
			}
		case k < 5:
			fmt.Fprintf(&b, "From: %s <%s@example.com>\nSubject: RE: ", names[r.IntN(len(names))], "user")
		}
		if r.IntN(proseEvery) == 0 {
			b.WriteString(prose[r.IntN(len(prose))])
		} else {
			nw := 4 + r.IntN(14)
			for i := 0; i < nw; i++ {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(words[r.IntN(len(words))])
			}
		}
		if r.IntN(150) == 0 {
			b.WriteString("\n")
			b.WriteString(sampleMarkings[r.IntN(len(sampleMarkings))])
		}
		b.WriteString(".\n")
	}
	return []byte(b.String()[:n])
}

var sampleMarkings = []string{
	"OFFICIAL-SENSITIVE", "OFFICIAL SENSITIVE - PERSONAL DATA", "SECRET - UK EYES ONLY", "TOP SECRET//SI//NOFORN",
	"(S//NF) The assessment follows", "[SEC=OFFICIAL:Sensitive]", "NATO RESTRICTED", "PROTECTED B",
	"RESTRICTED - POLICY", "Subject: OFFICIAL: Sensitive budget",
}

// BenchmarkMarkings measures the markings detectors on two seeded 1 MiB
// corpora: "typical", where one line in 60 uses a trigger word in its
// everyday sense (still far denser than ordinary English), and "dense",
// one line in 6. cpuMB/s is throughput per second of thread CPU time.
func BenchmarkMarkings(b *testing.B) {
	for _, c := range []struct {
		name  string
		every int
	}{{"typical", 60}, {"dense", 6}} {
		text := synthCorpusDensity(1, 1<<20, c.every)
		eng := detect.MustCompile(All(), nil)
		var dst []detect.Finding
		b.Run(c.name+"/all", func(b *testing.B) {
			loopCPU(b, len(text), func() { dst, _ = eng.AppendFind(dst[:0], text) })
		})
		for _, d := range All() {
			e := detect.MustCompile([]detect.Detector{d}, nil)
			b.Run(c.name+"/"+strings.TrimPrefix(d.Spec().ID, "markings/"), func(b *testing.B) {
				loopCPU(b, len(text), func() { dst, _ = e.AppendFind(dst[:0], text) })
			})
		}
		// Baselines in the same run: a plain loop over every byte, and the
		// engine with one detector that never reports, triggered on 'q'
		// (the prefilter floor).
		b.Run(c.name+"/baseline-loop", func(b *testing.B) {
			loopCPU(b, len(text), func() { sink += countByte(text, '\n') })
		})
		b.Run(c.name+"/baseline-engine", func(b *testing.B) {
			e := detect.MustCompile([]detect.Detector{detect.Func(detect.Spec{ID: "x/q", Kind: "x", MaxLen: 1,
				Triggers: detect.Triggers{Bytes: "q"}}, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
				return dst, nil
			})}, nil)
			loopCPU(b, len(text), func() { dst, _ = e.AppendFind(dst[:0], text) })
		})
	}
}

var sink int

// countByte is the plain loop: one compare per byte.
//
//go:noinline
func countByte(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}
