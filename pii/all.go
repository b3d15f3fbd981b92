package pii

import (
	"slices"

	"github.com/tidemark/tidemark/detect"
)

// All returns new instances of every detector in this package, in a fixed
// order, with default options. (Phone numbers and person names live in the
// subpackages phone and names, which carry heavier data.)
func All() []detect.Detector {
	return slices.Concat(contactDetectors(), ukDetectors(), intlDetectors())
}
