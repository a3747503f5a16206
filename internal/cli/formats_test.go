package cli

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// classify's TSV and batch's CSV have the same columns and the same
// decimals for the same titles, and the error row of a line that cannot be
// classified carries its line number in the id column and its message in
// the error column; its JSON has the shape batch's JSON Lines uses.
func TestClassifyTSVMatchesBatchCSV(t *testing.T) {
	titles := []string{"Call centre agent", "Telemarketer", "Software Engineer", "", "Registered Nurse"}
	_, tsvOut, _ := runCLI(t, strings.Join(titles, "\n")+"\n", "classify", "--format", "tsv", "-")
	tr := csv.NewReader(strings.NewReader(tsvOut))
	tr.Comma = '\t'
	tsv, err := tr.ReadAll()
	if err != nil {
		t.Fatalf("classify TSV: %v\n%s", err, tsvOut)
	}
	_, csvOut, _ := runCLI(t, "title\n"+strings.Join(titles, "\n")+"\n", "batch", "--allow-row-errors", "-")
	cs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatalf("batch CSV: %v\n%s", err, csvOut)
	}
	if !reflect.DeepEqual(tsv[0], cs[0]) {
		t.Fatalf("classify TSV columns %q\nbatch CSV columns    %q", tsv[0], cs[0])
	}
	errCol := len(cs[0]) - 1
	// batch skips the blank line: its rows are the titles but the fourth.
	batchRow := map[string][]string{}
	for _, r := range cs[1:] {
		batchRow[r[1]] = r[1:errCol]
	}
	for i, r := range tsv[1:] {
		if r[0] != itoa(i+1) {
			t.Errorf("TSV row %d has id %q, want its line number", i+1, r[0])
		}
		if titles[i] == "" {
			if want := "line 4: empty query"; !strings.HasPrefix(r[errCol], want) {
				t.Errorf("TSV error row = %q, want the error %q... in the error column", r, want)
			}
			continue
		}
		if !reflect.DeepEqual(r[1:errCol], batchRow[titles[i]]) {
			t.Errorf("%q: classify TSV %q\nbatch CSV           %q", titles[i], r[1:errCol], batchRow[titles[i]])
		}
	}
	if got := tsv[2]; got[2] != "" || got[10] == "" || got[11] == "" {
		t.Errorf("outside row %q: want no code, and the best target and its confidence", got)
	}

	_, jsonOut, _ := runCLI(t, "\n", "classify", "--json", "-")
	var row map[string]json.RawMessage
	if err := json.Unmarshal([]byte(jsonOut), &row); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range row {
		keys = append(keys, k)
	}
	if len(keys) != 5 || string(row["line"]) != "1" || string(row["code"]) != "null" || string(row["title"]) != "null" ||
		!strings.Contains(string(row["error"]), `"code":"empty_text"`) {
		t.Errorf("classify --json error row = %s, want line, input, code null, title null and the error object", jsonOut)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
