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

// NaiveFullPattern is the whole job of the default detector set written
// naively as one standard-regexp alternation: NaivePattern plus a pattern
// for every other kind the detectors report (international phones, BFPO,
// payment cards, IBANs, IPv4 and IPv6, dates of birth after a label, sort
// codes, passports after the word, DVLA driver numbers, vehicle
// registrations, UTRs, VAT numbers, elector numbers after a word, street
// addresses, two capitalised words as a name, and the other marking
// phrases). Like NaivePattern it validates nothing. NaivePattern covers
// six kinds only; this one is the baseline for the full set.
const NaiveFullPattern = NaivePattern +
	`|\+\d{1,3}(?:[\s-]?\d{1,4}){3,5}` +
	`|\bBFPO\s?\d{1,4}\b` +
	`|\b(?:\d{4}[ -]?){3}\d{1,4}\b|\b\d{4}[ -]?\d{6}[ -]?\d{5}\b` +
	`|\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b` +
	`|\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{0,4}\b` +
	`|(?i:\b(?:dob|d\.o\.b|born|date of birth)\b)[:\s]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}` +
	`|\b\d{2}-\d{2}-\d{2}\b` +
	`|(?i:passport)\D{0,20}\d{9}` +
	`|\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}(?:\d{2})?\b` +
	`|\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b` +
	`|\b\d{5}\s?\d{5}K?\b` +
	`|\b(?:GB|XI)\s?\d{3}\s?\d{4}\s?\d{2}(?:\s?\d{3})?\b` +
	`|(?i:elector|polling|voter)\D{0,40}\b[A-Z]{1,3}-?\d{1,5}\b` +
	`|\b\d{1,4}[A-Za-z]?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Close|Way|Place|Court|Crescent|Terrace|Gardens|Grove|Hill|Park|Square)\b` +
	`|\b[A-Z][a-z]+ [A-Z][a-z]+\b` +
	`|\bUK EYES ONLY\b|\bSTRAP ?[123]\b|\bLIMITE\b`

// NaiveFull returns the compiled NaiveFullPattern.
var NaiveFull = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(NaiveFullPattern) })
