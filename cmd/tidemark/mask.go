package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidemark/tidemark/detect"
)

// mask hides most of a matched value, keeping enough to recognise it:
//
//	email        john.smith@example.com  -> j***@e***.com
//	phone        07700 900456            -> 07*** ***456
//	person.name  Alice Example           -> A*** E***
//	marking      OFFICIAL-SENSITIVE      -> shown as is (not personal data)
//	others       AB123456C               -> AB****56C (head and tail kept,
//	             letters and digits between them replaced by '*')
//
// Short values keep less: nothing at all below four letters and digits.
func mask(kind detect.Kind, v string) string {
	switch {
	case kind == "marking" || strings.HasPrefix(string(kind), "marking."):
		return v
	case kind == "email" || strings.HasPrefix(string(kind), "email."):
		if at := strings.LastIndexByte(v, '@'); at > 0 {
			return maskEmail(v[:at], v[at+1:])
		}
	case kind == "phone" || strings.HasPrefix(string(kind), "phone."):
		return maskDigits(v, 2, 3)
	case kind == "person.name" || strings.HasPrefix(string(kind), "person."):
		return maskWords(v)
	}
	return maskGeneric(v)
}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

func maskEmail(local, domain string) string {
	var b strings.Builder
	b.WriteString(firstRune(local))
	b.WriteString("***@")
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		b.WriteString(firstRune(domain))
		b.WriteString("***")
		return b.String()
	}
	b.WriteString(firstRune(labels[0]))
	b.WriteString("***.")
	b.WriteString(labels[len(labels)-1])
	return b.String()
}

// maskDigits keeps the first head and last tail digits and stars the
// digits between; other characters are kept.
func maskDigits(v string, head, tail int) string {
	n := 0
	for i := 0; i < len(v); i++ {
		if '0' <= v[i] && v[i] <= '9' {
			n++
		}
	}
	if n < head+tail+3 {
		head, tail = min(head, n/4), min(tail, n/4)
	}
	b := []byte(v)
	k := 0
	for i, c := range b {
		if '0' <= c && c <= '9' {
			if k >= head && k < n-tail {
				b[i] = '*'
			}
			k++
		}
	}
	return string(b)
}

func maskWords(v string) string {
	words := strings.Fields(v)
	for i, w := range words {
		words[i] = firstRune(w) + "***"
	}
	return strings.Join(words, " ")
}

func maskGeneric(v string) string {
	n := 0
	for _, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	head, tail := 0, 0
	switch {
	case n >= 8:
		head, tail = 2, 3
	case n >= 6:
		head, tail = 1, 1
	case n >= 4:
		head = 1
	}
	var b strings.Builder
	k := 0
	for _, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if k >= head && k < n-tail {
				b.WriteByte('*')
			} else {
				b.WriteRune(r)
			}
			k++
			continue
		}
		if unicode.IsControl(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}
