package resultenc

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/anzsco/anzsco/index"
)

func TestAppend(t *testing.T) {
	res := index.Result{Input: "Telemarketer", Confidence: 0.9998,
		Matches: []index.Match{{Code: "541111", Title: "Team Leader", Score: 0.15, Confidence: 0.0002}}}
	data, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		do   func(*bytes.Buffer)
		want string
	}{
		{"result after a row and an id", func(b *bytes.Buffer) { AppendResult(b, data, Int("row", 7), String("id", "ad-7")) },
			`{"row":7,"id":"ad-7",` + string(data[1:])},
		{"result alone", func(b *bytes.Buffer) { AppendResult(b, append(data, '\n')) }, string(data)},
		{"error after an id", func(b *bytes.Buffer) {
			AppendError(b, "  ", Error{Code: "empty_text", Message: "item 2: empty"}, Raw("id", []byte(`"b"`)))
		}, `{"id":"b","input":"  ","code":null,"title":null,"error":{"code":"empty_text","message":"item 2: empty"}}`},
		{"error with kept columns", func(b *bytes.Buffer) {
			AppendError(b, "", Error{Code: "empty_title", Message: "line 2"}, Int("row", 1))
			AppendMembers(b, Raw("in", []byte(`{"title":""}`)))
		}, `{"row":1,"input":"","code":null,"title":null,"error":{"code":"empty_title","message":"line 2"},"in":{"title":""}}`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		tt.do(&b)
		if b.String() != tt.want {
			t.Errorf("%s = %s\nwant %s", tt.name, b.String(), tt.want)
		}
		if !json.Valid(b.Bytes()) {
			t.Errorf("%s: not valid JSON: %s", tt.name, b.String())
		}
	}
}

// An outside row names the best target it was not coded to; a coded row
// its runner-up. Every row has a field for every column.
func TestRow(t *testing.T) {
	outside := &index.Result{Input: "Telemarketer", Confidence: 0.9998, Warnings: []string{"a", "b"},
		Matches:        []index.Match{{Code: "541111", Score: 0.1503, Confidence: 0.0002}, {Code: "541112", Score: 0.1, Confidence: 0}},
		NearestOutside: &index.Neighbour{Code: "639311", Title: "Telemarketer", Score: 0.55}}
	coded := &index.Result{Input: "agent", Code: "541112", Title: "Operator", Confidence: 0.98,
		Matches: []index.Match{{Code: "541112", Score: 0.9457, Confidence: 0.98}, {Code: "541111", Score: 1, Confidence: 0.0001}}}
	for _, c := range []struct {
		got, want []string
	}{
		{Row("2", outside), []string{"2", "Telemarketer", "", "", "0.9998", "0.1503", "", "", "639311", "Telemarketer", "541111", "0.0002", "a; b", ""}},
		{Row("1", coded), []string{"1", "agent", "541112", "Operator", "0.98", "0.9457", "541111", "0.0001", "", "", "", "", "", ""}},
		{ErrorRow("3", "", Error{Message: "line 3: empty"}), []string{"3", "", "", "", "", "", "", "", "", "", "", "", "", "line 3: empty"}},
	} {
		if len(c.got) != len(Columns) || !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("row = %q\nwant  %q", c.got, c.want)
		}
	}
}
