// Package pii detects personal data with a structure: e-mail addresses, UK
// identifiers (postcodes, National Insurance, NHS, CHI and H&C numbers,
// passports, driving licences, vehicle registrations, UTR and VAT numbers,
// electoral roll numbers, sort codes and accounts), payment cards, IBANs,
// IP addresses, dates of birth and UK street addresses.
//
// Every detector validates what can be validated (check digits, allocation
// rules, calendar dates) before scoring, and scores by context cues. [All]
// returns the whole set; each detector also has its own constructor.
// Phone numbers and person names are in the subpackages phone and names,
// which carry heavier dependencies and data.
//
// All detectors follow the [detect.Detector] contract and pass the
// [github.com/tidemark/tidemark/detect/detecttest] conformance kit.
package pii
