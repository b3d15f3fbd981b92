package bench

import (
	"regexp"
	"sync"
)

// NaivePattern is the baseline the issue asks for: the same job written
// naively with the standard regexp package as one alternation (e-mail, UK
// phone, NHS number, NINO, postcode and marking words), run over the whole
// text with FindAllIndex. It validates nothing, so it is also less
// accurate than the detectors; it only shows the cost of the approach.
const NaivePattern = `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}` +
	`|(?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}\s?\d{3,4}\s?\d{3,4}\b` +
	`|\b\d{3}[ -]?\d{3}[ -]?\d{4}\b` +
	`|\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b` +
	`|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b` +
	`|(?i:\b(?:official[- ]?sensitive|official|top secret|secret|restricted|protect)\b)`

// Naive returns the compiled NaivePattern.
var Naive = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(NaivePattern) })
