package accuracy_test

import (
	"os"

	"github.com/tidemark/tidemark/bench/accuracy"
)

func Example() {
	gold := []accuracy.Span{{Start: 5, End: 18, Label: "phone"}, {Start: 27, End: 41, Label: "email"}}
	pred := []accuracy.Span{{Start: 5, End: 18, Label: "PHONE_NUMBER"}, {Start: 27, End: 37, Label: "EMAIL_ADDRESS"}}
	s := &accuracy.Scorer{Map: accuracy.Mapping{"PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email"}}
	s.Add(gold, pred)
	rows, total, unscored := s.Result(false)
	accuracy.WriteTable(os.Stdout, rows, total, unscored, true)
	// Output:
	// | label | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |
	// | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
	// | email | 1 | 1 | 0.000 | 0.000 | 0.000 | 1.000 | 1.000 | 1.000 |
	// | phone | 1 | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |
	// | **all** | 2 | 2 | 0.500 | 0.500 | 0.500 | 1.000 | 1.000 | 1.000 |
}
