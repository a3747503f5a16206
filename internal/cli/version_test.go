package cli

import (
	"encoding/json"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/anzsco/anzsco/index"
)

func TestResolveVersion(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name            string
		bi              *debug.BuildInfo
		version, commit string
		want            string
	}{
		{"no build info", nil, "", "", "dev"},
		{"devel without vcs", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "", "", "dev"},
		{"go install at a tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "", "", "v1.4.0"},
		{"go build in a checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("1f4566a0c2d1e3f4a5b6c7d8e9f0a1b2c3d4e5f6", "false")}, "", "",
			"dev (commit 1f4566a0c2d1)"},
		{"modified checkout", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202140000-1f4566a0c2d1+dirty"}, Settings: vcs("1f4566a0c2d1e3f4", "true")}, "", "",
			"v0.0.0-20261202140000-1f4566a0c2d1+dirty (commit 1f4566a0c2d1, modified)"},
		{"ldflags win", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}, Settings: vcs("1f4566a0c2d1e3f4", "true")}, "v2.0.0", "abc1234",
			"v2.0.0 (commit abc1234)"},
		{"ldflags version keeps the vcs commit", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("1f4566a", "false")}, "v2.0.0", "",
			"v2.0.0 (commit 1f4566a)"},
	}
	for _, tt := range tests {
		if got := resolveVersion(tt.bi, tt.version, tt.commit).String(); got != tt.want {
			t.Errorf("%s: resolveVersion = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionFlagAndManifest(t *testing.T) {
	defer func(v, c string) { Version, Commit = v, c }(Version, Commit)
	Version, Commit = "v9.8.7", "0123456789abcdef"
	const want = "v9.8.7 (commit 0123456789ab)"

	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, errOut := runCLI(t, "", args...)
		if code != ExitOK || !strings.HasPrefix(out, "anzsco "+want+"\n") {
			t.Errorf("anzsco %s = %d %q (stderr %q), want a first line %q", args[0], code, out, errOut, "anzsco "+want)
		}
	}
	code, out, _ := runCLI(t, "", "version", "--json")
	var v struct{ Version, Commit string }
	if err := json.Unmarshal([]byte(out), &v); code != ExitOK || err != nil || v.Version != "v9.8.7" || v.Commit != Commit {
		t.Errorf("version --json = %d %q (%v), want version v9.8.7 and commit %s", code, out, err, Commit)
	}

	dir := filepath.Join(t.TempDir(), "anzsco.idx")
	if code, _, errOut := runCLI(t, "", "index", "build", "--out", dir); code != ExitOK {
		t.Fatalf("index build: exit %d: %s", code, errOut)
	}
	m, err := index.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Tool != "anzsco "+want {
		t.Errorf("manifest tool = %q, want %q", m.Tool, "anzsco "+want)
	}
}
