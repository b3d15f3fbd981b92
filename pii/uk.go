package pii

import "github.com/tidemark/tidemark/detect"

// ukDetectors returns the UK identifier detectors.
func ukDetectors() []detect.Detector { return nil }
