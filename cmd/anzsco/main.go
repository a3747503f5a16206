// Command anzsco classifies job titles and descriptions to ANZSCO occupation codes.
package main

import (
	"os"

	"github.com/anzsco/anzsco/internal/cli"
)

func main() { os.Exit(cli.Main()) }
