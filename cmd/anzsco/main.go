package main

import (
	"os"

	"github.com/anzsco/anzsco/internal/cli"
)

func main() { os.Exit(cli.Main()) }
