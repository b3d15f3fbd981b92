// Package deps pins the module's chosen dependencies while the packages
// that use them are being written. It is imported by nothing and will be
// removed once every dependency has a real user.
package deps

import (
	_ "github.com/dlclark/regexp2/v2"
	_ "github.com/nyaruka/phonenumbers"
	_ "golang.org/x/text/encoding/unicode"
)
