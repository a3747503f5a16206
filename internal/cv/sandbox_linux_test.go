package cv

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReaderDiesWithParent starts a process that starts a reader, sends
// that process SIGTERM, and checks that the reader goes with it rather
// than running on to its own limits.
func TestReaderDiesWithParent(t *testing.T) {
	if os.Getenv("CV_TEST_READER_PARENT") != "" {
		go runSandbox(context.Background(), "test-sleep", nil, SandboxLimits{Memory: 64 << 20, CPU: time.Second, Wall: time.Hour, Stack: 1 << 20, Output: 1 << 20})
		for readersRunning.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		fmt.Println("reading")
		time.Sleep(time.Hour)
		return
	}
	parent := exec.Command(os.Args[0], "-test.run=^TestReaderDiesWithParent$")
	parent.Env = append(os.Environ(), "CV_TEST_READER_PARENT=1")
	out, err := parent.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	defer parent.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "reading\n" {
		t.Fatalf("the parent process said %q, want reading", line)
	}
	// The parent counts a reader as running a moment before the process
	// exists: look for it until it shows, bounded only so that the test
	// cannot hang.
	var readers []int
	for deadline := time.Now().Add(time.Minute); len(readers) == 0; time.Sleep(10 * time.Millisecond) {
		if readers = childrenOf(parent.Process.Pid); len(readers) == 0 && time.Now().After(deadline) {
			t.Fatal("no reader process under the parent")
		}
	}
	parent.Process.Signal(syscall.SIGTERM)
	parent.Wait()
	// Bounded only so that a broken kernel feature cannot hang the test.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		alive := 0
		for _, pid := range readers {
			if processAlive(pid) {
				alive++
			}
		}
		if alive == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("reader processes %v still run after their parent died", readers)
		}
	}
}

// childrenOf returns the pids whose parent is pid, from /proc.
func childrenOf(pid int) []int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var kids []int
	for _, p := range stats {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces.
		rest := string(data[strings.LastIndexByte(string(data), ')')+1:])
		f := strings.Fields(rest)
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			n, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
			kids = append(kids, n)
		}
	}
	return kids
}

// processAlive says whether pid runs (a zombie has ended).
func processAlive(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	rest := string(data[strings.LastIndexByte(string(data), ')')+1:])
	f := strings.Fields(rest)
	return len(f) > 0 && f[0] != "Z" && f[0] != "X"
}
