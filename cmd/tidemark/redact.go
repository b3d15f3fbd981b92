package main

import "fmt"

func redactCmd(e *env, args []string) int {
	fmt.Fprintln(e.stderr, "tidemark redact: not available yet in this build")
	return exitError
}
