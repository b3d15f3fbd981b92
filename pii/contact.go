package pii

import "github.com/tidemark/tidemark/detect"

// contactDetectors returns the contact-detail detectors (e-mail).
func contactDetectors() []detect.Detector { return []detect.Detector{NewEmail()} }
