package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anzsco/anzsco/index"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// findBrowser returns the path of a Chromium-like browser, or "".
// ANZSCO_CHROMIUM names one explicitly.
func findBrowser() string {
	if p := os.Getenv("ANZSCO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestPageEndToEnd drives the page in headless Chromium against a server
// with the real default index: search as you type, the details of an
// occupation, an outside result, the batch table and its CSV, a CV upload,
// and the layout at phone width. Screenshots go to $ANZSCO_SCREENSHOT_DIR when set
// (to look at them), else to a temporary directory.
//
// It is skipped when no browser is installed (Debian: apt-get install
// chromium), unless ANZSCO_REQUIRE_BROWSER=1, as in CI, where a missing
// browser is a failure.
func TestPageEndToEnd(t *testing.T) {
	exe := findBrowser()
	if exe == "" {
		if os.Getenv("ANZSCO_REQUIRE_BROWSER") == "1" {
			t.Fatal("no Chromium found and ANZSCO_REQUIRE_BROWSER=1: install Debian's chromium or set ANZSCO_CHROMIUM")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set ANZSCO_CHROMIUM): the page is not tested")
	}
	shots := os.Getenv("ANZSCO_SCREENSHOT_DIR")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	downloads := t.TempDir()

	// A batch limit below the page's first chunk makes the page shrink its
	// chunks, as it must against a server run with a low --max-batch.
	s, _ := newTestServer(t, defaultIndex(t), Config{MaxBatchItems: 3})
	addr, stop := serveLoopback(t, s)
	defer stop()
	base := "http://" + addr

	// The deadline only keeps a wedged browser from hanging the run.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 1000),
	)
	defer acancel()
	tab, tcancel := chromedp.NewContext(actx)
	defer tcancel()

	// Collect what the page reports as errors: exceptions, console errors,
	// failed loads and CSP violations.
	var mu sync.Mutex
	var pageErrors []string
	messages := chromedp.Console(tab)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// The 413s of the batch chunks that are too large are expected:
			// the browser logs them, and the page shrinks its chunks.
			if (m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleError) && !strings.Contains(m.Text, "status of 413") {
				mu.Lock()
				pageErrors = append(pageErrors, m.String())
				mu.Unlock()
			}
		}
	}()

	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tab, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("reading %s: %v", sel, err)
		}
		return s
	}
	screenshot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(buf))
		if err != nil || cfg.Width == 0 || cfg.Height == 0 {
			t.Fatalf("screenshot %s: not a PNG image (%v)", name, err)
		}
		path := filepath.Join(shots, name)
		if err := os.WriteFile(path, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s: %dx%d", path, cfg.Width, cfg.Height)
	}

	// Search as you type.
	run("open the page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	run("type a title",
		chromedp.Focus(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "Contact Center Supervisor"),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict[data-code="541111"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#results .matches li[data-code="541111"] .terms mark`)),
	)
	if got := text("#results .verdict .code-line"); !strings.Contains(got, "541111") || !strings.Contains(got, "Team Leader") {
		t.Errorf("verdict = %q, want 541111 Call or Contact Centre Team Leader", got)
	}
	// Matched words are shown as they were typed, not as stems.
	if got := text(`#results .matches li[data-code="541111"] .terms`); !strings.Contains(got, "Supervisor") || !strings.Contains(got, "Center") || strings.Contains(got, "centr ") {
		t.Errorf("matched words = %q, want Supervisor and Center as typed, no stem", got)
	}
	if got := text("#corpus"); !strings.Contains(got, "541111") {
		t.Errorf("corpus line = %q, want the targets", got)
	}

	// The details of the top match, loaded from /v1/occupations/541111.
	run("open the details",
		chromedp.Click(chromedp.CSS(`#results .matches li[data-code="541111"] .details-link`)),
		chromedp.WaitVisible(chromedp.CSS(`#results .matches li[data-code="541111"] .details dl`)),
	)
	details := text(`#results .matches li[data-code="541111"] .details`)
	for _, want := range []string{"Skill level", "Tasks", "Qualifications"} {
		if !strings.Contains(details, want) {
			t.Errorf("details lack %q: %q", want, details)
		}
	}
	expanded, err := chromedp.Run(tab, chromedp.AttributeValue(chromedp.CSS(`#results .matches li[data-code="541111"] .details-link`), "aria-expanded"))
	if err != nil || expanded.Value != "true" {
		t.Errorf("details link aria-expanded = %+v (%v), want true", expanded, err)
	}
	screenshot("search.png")

	// An outside title.
	run("type an outside title",
		chromedp.Evaluate[chromedp.Void](`document.getElementById("q").value = ""`),
		chromedp.SendKeys(chromedp.ID("q"), "Senior software engineer"),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict[data-code="outside"]`)),
	)
	if got := text("#results .verdict .code-line"); !strings.HasPrefix(got, "Outside 5411") {
		t.Errorf("outside verdict = %q, want it to start with \"Outside 5411\"", got)
	}
	if got, _ := chromedp.Run(tab, chromedp.Value(chromedp.ID("q"))); got != "Senior software engineer" {
		t.Errorf("search box = %q, want only the second title", got)
	}
	// The bar of an outside verdict is the confidence that it is outside,
	// and the nearest occupation outside is said apart from it.
	if got := text("#results .verdict .confidence"); !strings.HasSuffix(got, "sure it is outside") {
		t.Errorf("outside bar = %q, want \"... sure it is outside\"", got)
	}
	if got := text("#results .verdict .code-line"); strings.Contains(got, "nearest") {
		t.Errorf("outside verdict line = %q, want the nearest occupation on a line of its own", got)
	}
	if got, _ := chromedp.Run(tab, chromedp.Location()); !strings.HasSuffix(got, "/?q=Senior+software+engineer") {
		t.Errorf("URL after a search = %q, want it to carry the query", got)
	}
	screenshot("outside.png")

	// A shared link opens on its query, and the back button returns to it
	// after another search.
	run("open a shared link",
		chromedp.Navigate(base+"/?q=Call+centre+agent"),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict[data-code="541112"]`)),
	)
	if got, _ := chromedp.Run(tab, chromedp.Value(chromedp.ID("q"))); got != "Call centre agent" {
		t.Errorf("search box of a shared link = %q, want its query", got)
	}
	run("search again",
		chromedp.Evaluate[chromedp.Void](`document.getElementById("q").value = ""`),
		chromedp.SendKeys(chromedp.ID("q"), "Telemarketer"),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict[data-code="outside"]`)),
	)
	if got, _ := chromedp.Run(tab, chromedp.Location()); !strings.HasSuffix(got, "/?q=Telemarketer") {
		t.Errorf("URL after the second search = %q, want /?q=Telemarketer", got)
	}
	run("go back",
		chromedp.NavigateBack(),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict[data-code="541112"]`)),
	)
	if got, _ := chromedp.Run(tab, chromedp.Value(chromedp.ID("q"))); got != "Call centre agent" {
		t.Errorf("search box after back = %q, want the query before", got)
	}
	if got, _ := chromedp.Run(tab, chromedp.Location()); !strings.HasSuffix(got, "/?q=Call+centre+agent") {
		t.Errorf("URL after back = %q, want /?q=Call+centre+agent", got)
	}

	// The batch table and its CSV.
	if err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads})
		return err
	})); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	titles := "Call centre agent\nTeam Leader - Inbound Contact Centre\n\n=cmd|' /C calc'!A0\nChef"
	run("classify a batch",
		chromedp.SetValue(chromedp.ID("titles"), titles),
		chromedp.Click(chromedp.ID("batch-run")),
		chromedp.WaitVisible(chromedp.CSS(`#batch-table tbody tr:nth-child(4)`)),
		chromedp.WaitEnabled(chromedp.ID("batch-csv")),
	)
	if got := text("#batch-status"); !strings.HasPrefix(got, "Classified 4 titles") {
		t.Errorf("batch status = %q, want \"Classified 4 titles...\"", got)
	}
	screenshot("batch.png")
	run("download the CSV", chromedp.Click(chromedp.ID("batch-csv")))
	rows := waitCSV(t, downloads)
	wantLines := []string{"1", "2", "4", "5"}
	if len(rows) != 5 || strings.Join(rows[0], ",") != "line,title,code,occupation,confidence,nearest_outside_code,nearest_outside_title,error" {
		t.Fatalf("CSV = %q, want a header and 4 rows", rows)
	}
	for i, r := range rows[1:] {
		if r[0] != wantLines[i] {
			t.Errorf("CSV row %d: line %q, want %q", i+1, r[0], wantLines[i])
		}
	}
	if rows[3][1] != "'=cmd|' /C calc'!A0" {
		t.Errorf("CSV cell %q: a formula must be defused with a leading quote", rows[3][1])
	}

	// A CV upload: the verdict and a row per dated position.
	cvPath, err := filepath.Abs(filepath.Join("..", "..", "testdata", "cv", "en-team-leader.txt"))
	if err != nil {
		t.Fatal(err)
	}
	run("upload a CV",
		chromedp.SetUploadFiles(chromedp.ID("cv-file"), []string{cvPath}),
		chromedp.Click(chromedp.ID("cv-run")),
		chromedp.WaitVisible(chromedp.CSS(`#cv-table tbody tr:nth-child(2)`)),
	)
	if got := text("#cv-verdict .code-line"); !strings.Contains(got, "541111") || !strings.Contains(got, "Team Leader") {
		t.Errorf("CV verdict = %q, want 541111 Call or Contact Centre Team Leader", got)
	}
	if got := text("#cv-verdict .experience"); !strings.Contains(got, "541111:") || !strings.Contains(got, "541112:") {
		t.Errorf("CV experience = %q, want a line for each target", got)
	}
	if got := text(`#cv-table tbody tr:nth-child(1)`); !strings.Contains(got, "Team Leader") || !strings.Contains(got, "541111") {
		t.Errorf("first CV position = %q, want Team Leader coded 541111", got)
	}
	if got := text("#cv-status"); !strings.HasPrefix(got, "Read 2 dated positions from en-team-leader.txt") {
		t.Errorf("CV status = %q, want \"Read 2 dated positions from en-team-leader.txt\"", got)
	}
	screenshot("cv.png")

	// Phone width: nothing wider than the screen.
	run("phone width", chromedp.EmulateViewport(375, 800), chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "Operador de telemarketing"),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict`)))
	overflow, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil || overflow {
		t.Errorf("at 375 px the page is wider than the screen (%v)", err)
	}
	screenshot("phone.png")

	// The whole ANZSCO: a title that fits a unit group but no one
	// occupation is coded to the group, whose details list its occupations.
	whole, err := index.Builtin("anzsco")
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := newTestServer(t, whole, Config{})
	waddr, wstop := serveLoopback(t, ws)
	defer wstop()
	run("a group result", chromedp.EmulateViewport(1200, 1000), chromedp.Navigate("http://"+waddr+"/"), chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "Registered Nurse"),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict[data-code="2544"]`)),
		chromedp.Click(chromedp.CSS(`#results .verdict .details-link`)),
		chromedp.WaitVisible(chromedp.CSS(`#results .verdict .details dl`)),
	)
	group := text(`#results .verdict .details`)
	for _, want := range []string{"254 Midwifery and Nursing Professionals", "254423 Registered Nurse (Perioperative)", "occupations"} {
		if !strings.Contains(group, want) {
			t.Errorf("the group's details lack %q: %q", want, group)
		}
	}
	screenshot("group.png")

	mu.Lock()
	defer mu.Unlock()
	for _, e := range pageErrors {
		t.Errorf("the page reported an error: %s", e)
	}
}

// waitCSV waits for the one file the page downloads and parses it.
func waitCSV(t *testing.T, dir string) [][]string {
	t.Helper()
	for i := 0; i < 500; i++ {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".csv") {
				data, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
				if err != nil {
					t.Fatalf("the downloaded CSV: %v\n%s", err, data)
				}
				return rows
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no CSV was downloaded to %s", dir)
	return nil
}
