package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/source"
)

func detectorsCmd(e *env, args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(e.stderr, "tidemark detectors: no arguments expected\n")
		return exitError
	}
	reg, err := detect.NewRegistry(e.detectors()...)
	if err != nil {
		fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
		return exitError
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tDESCRIPTION")
	for _, id := range reg.IDs() {
		d, _ := reg.Lookup(id)
		sp := d.Spec()
		fmt.Fprintf(tw, "%s\t%s\t%s\n", sp.ID, sp.Kind, sp.Description)
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\n", source.WhatsAppSenderID, source.KindPersonName, "chat senders (always on for chats)")
	fmt.Fprintf(tw, "%s\t%s\t%s\n", source.MailNameID, source.KindPersonName, "display names in e-mail address headers (always on for e-mail)")
	tw.Flush()
	return exitClean
}
