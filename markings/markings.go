// Package markings detects protective markings (stub: being written).
package markings

import "github.com/tidemark/tidemark/detect"

// All returns the package's detectors with default options.
func All() []detect.Detector { return nil }
