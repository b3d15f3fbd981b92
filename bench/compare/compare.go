package compare

import (
	"github.com/hoophq/alcatraz"
	"github.com/hoophq/alcatraz/entities"

	"github.com/tidemark/tidemark/bench/accuracy"
)

// AlcatrazLabels maps alcatraz entity types to tidemark Kinds, for
// bench/cmd/accuracy -map. Types with no tidemark counterpart in the
// corpus (URL, DATE_TIME…) are left as they are and show as unscored.
var AlcatrazLabels = accuracy.Mapping{
	entities.EmailAddress: "email",
	entities.PhoneNumber:  "phone",
	entities.CreditCard:   "payment.card",
	entities.IBANCode:     "iban",
	entities.IPAddress:    "ip.address",
	entities.UKNHS:        "uk.nhs",
	entities.UKNINO:       "uk.nino",
	entities.Person:       "person.name",
}

// Alcatraz runs alcatraz's default English engine.
type Alcatraz struct{ eng *alcatraz.Engine }

// NewAlcatraz builds the engine (its regexps compile here).
func NewAlcatraz() *Alcatraz { return &Alcatraz{eng: alcatraz.NewEngine()} }

// Spans returns alcatraz's findings in text as labelled spans, its
// scores (0..1) scaled to 0..100.
func (a *Alcatraz) Spans(text string) []accuracy.Span {
	res := a.eng.Analyze(text, alcatraz.Options{})
	out := make([]accuracy.Span, 0, len(res))
	for _, r := range res {
		sc := int(r.Score*100 + 0.5)
		out = append(out, accuracy.Span{Start: r.Start, End: r.End, Label: r.EntityType, Score: &sc})
	}
	return out
}

// Count returns the number of findings in text, for benchmarks.
func (a *Alcatraz) Count(text string) int { return len(a.eng.Analyze(text, alcatraz.Options{})) }
