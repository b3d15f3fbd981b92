// Package piicheck holds tests that run the redactor with the real pii
// detectors. It is separate from package redact so that redact's own
// tests do not depend on the detector packages.
package piicheck
