package cv

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// TestMain lets the test binary be the document reader that Extract
// starts, as the anzsco binary is. Two more formats, known only here,
// make a reader that misbehaves on purpose, under the limits it is given:
// one that sleeps ("test-sleep") and one that writes more than it may
// ("test-flood").
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == SandboxArg {
		os.Exit(testReader(os.Args[2:]))
	}
	os.Exit(m.Run())
}

func testReader(args []string) int {
	if len(args) == 4 {
		mem, _ := strconv.ParseInt(args[1], 10, 64)
		cpu, _ := strconv.ParseInt(args[2], 10, 64)
		switch args[0] {
		case "test-sleep", "test-flood":
			if err := limitSelf(mem, cpu); err != nil {
				return 1
			}
		}
		switch args[0] {
		case "test-sleep":
			time.Sleep(time.Hour)
			return 0
		case "test-flood":
			line := make([]byte, 64<<10)
			for range 64 {
				os.Stdout.Write(line)
			}
			return 0
		}
	}
	return RunSandbox(args, os.Stdin, os.Stdout, os.Stderr)
}
