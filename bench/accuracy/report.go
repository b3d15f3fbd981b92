package accuracy

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// WriteTable writes rows and the total as an aligned text table, or as a
// Markdown table when markdown is set, followed by a line listing the
// unscored labels.
func WriteTable(w io.Writer, rows []Row, total Row, unscored map[string]int, markdown bool) error {
	all := append(slices.Clone(rows), total)
	var err error
	if markdown {
		p := func(format string, a ...any) {
			if err == nil {
				_, err = fmt.Fprintf(w, format, a...)
			}
		}
		p("| label | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |\n")
		p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		for _, r := range all {
			ep, er, ef := r.ExactPRF()
			op, or, of := r.OverlapPRF()
			name := r.Label
			if r.Label == total.Label {
				name = "**" + name + "**"
			}
			p("| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, r.Gold, r.Pred, ep, er, ef, op, or, of)
		}
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "label\tgold\tpred\texact P\tR\tF1\toverlap P\tR\tF1\t\n")
		for _, r := range all {
			ep, er, ef := r.ExactPRF()
			op, or, of := r.OverlapPRF()
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", r.Label, r.Gold, r.Pred, ep, er, ef, op, or, of)
		}
		err = tw.Flush()
	}
	if err == nil && len(unscored) > 0 {
		ls := make([]string, 0, len(unscored))
		for l, n := range unscored {
			ls = append(ls, fmt.Sprintf("%s (%d)", l, n))
		}
		slices.Sort(ls)
		sep := "\n"
		if markdown {
			sep = "\n\n"
		}
		_, err = fmt.Fprintf(w, "%sNot scored (no gold spans of these labels; predictions in brackets): %s\n", sep, strings.Join(ls, ", "))
	}
	return err
}
