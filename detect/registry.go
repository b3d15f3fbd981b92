package detect

import (
	"fmt"
	"path"
	"slices"
)

// A Registry maps detector IDs to detectors, for selection by
// configuration: exact IDs or path.Match globs such as "pii/*" or
// "markings/uk-*". A Registry is immutable and safe for concurrent use.
type Registry struct {
	ds   []Detector
	ids  []string
	byID map[string]int
}

// NewRegistry returns a registry of ds, in the given order. Invalid specs
// and duplicate IDs are errors (*SpecError).
func NewRegistry(ds ...Detector) (*Registry, error) {
	r := &Registry{byID: make(map[string]int, len(ds))}
	for _, d := range ds {
		if d == nil {
			return nil, specErr("", "nil detector")
		}
		sp := d.Spec()
		if err := validateSpec(&sp); err != nil {
			return nil, err
		}
		if _, dup := r.byID[sp.ID]; dup {
			return nil, &SpecError{ID: sp.ID, Err: ErrDuplicateID}
		}
		r.byID[sp.ID] = len(r.ds)
		r.ds = append(r.ds, d)
		r.ids = append(r.ids, sp.ID)
	}
	return r, nil
}

// Lookup returns the detector with the given ID.
func (r *Registry) Lookup(id string) (Detector, bool) {
	i, ok := r.byID[id]
	if !ok {
		return nil, false
	}
	return r.ds[i], true
}

// IDs returns the registered IDs, sorted.
func (r *Registry) IDs() []string { return slices.Sorted(slices.Values(r.ids)) }

// All returns every registered detector, in registration order.
func (r *Registry) All() []Detector { return slices.Clone(r.ds) }

// Select returns the detectors whose IDs match any of the patterns (exact
// IDs or path.Match globs), each once, in registration order. A pattern
// prefixed with '-' removes what it matches from the selection made by
// the patterns before it ("pii/*", "-pii/uk-vat"). A malformed pattern, or
// one that matches nothing, is an error wrapping ErrNoMatch (typos must
// not silently disable detection).
func (r *Registry) Select(patterns ...string) ([]Detector, error) {
	on := make([]bool, len(r.ds))
	for _, p := range patterns {
		neg := len(p) > 0 && p[0] == '-'
		if neg {
			p = p[1:]
		}
		hit := false
		for i, id := range r.ids {
			ok, err := path.Match(p, id)
			if err != nil {
				return nil, fmt.Errorf("detect: bad pattern %q: %w", p, err)
			}
			if ok {
				on[i] = !neg
				hit = true
			}
		}
		if !hit {
			return nil, fmt.Errorf("%w: %q", ErrNoMatch, p)
		}
	}
	var out []Detector
	for i, d := range r.ds {
		if on[i] {
			out = append(out, d)
		}
	}
	return out, nil
}
