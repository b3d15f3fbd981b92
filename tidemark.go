// Package tidemark bundles every detector in the module into one default
// set, for programs that want "everything" without choosing. Libraries
// that want a lean binary import the detector packages they need instead.
//
// See package detect for the engine and scanner.
package tidemark

import (
	"slices"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/markings"
	"github.com/tidemark/tidemark/pii"
	"github.com/tidemark/tidemark/pii/names"
	"github.com/tidemark/tidemark/pii/phone"
)

// Detectors returns new instances of every detector, with default options,
// in a fixed order.
func Detectors() []detect.Detector {
	return slices.Concat(pii.All(), phone.All(), names.All(), markings.All())
}

// NewRegistry returns a registry of Detectors, for selection by ID or glob
// ("pii/*", "markings/*").
func NewRegistry() (*detect.Registry, error) {
	return detect.NewRegistry(Detectors()...)
}
