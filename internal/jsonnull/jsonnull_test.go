package jsonnull

import (
	"encoding/json"
	"testing"
)

func TestMembers(t *testing.T) {
	tests := []struct {
		name, in string
		names    []string
		want     string
	}{
		{"first and later", `{"code":"","n":1,"title":""}`, []string{"code", "title"},
			`{"code":null,"n":1,"title":null}`},
		{"nested member of the same name is left", `{"m":[{"code":"x"}],"sub":{"code":""},"code":""}`, []string{"code"},
			`{"m":[{"code":"x"}],"sub":{"code":""},"code":null}`},
		{"escaped quote and brace in strings", `{"input":"a \"}\" b\\","code":"","t":"{["}`, []string{"code"},
			`{"input":"a \"}\" b\\","code":null,"t":"{["}`},
		{"a value that is not a string", `{"a":12.5e3,"b":true,"c":[1,2],"d":null}`, []string{"a", "b", "c", "d"},
			`{"a":null,"b":null,"c":null,"d":null}`},
		{"indented", "{\n  \"code\": \"\",\n  \"n\": 1\n}", []string{"code"},
			"{\n  \"code\": null,\n  \"n\": 1\n}"},
		{"no such member", `{"a":"x"}`, []string{"code"}, `{"a":"x"}`},
		{"no names", `{"code":""}`, nil, `{"code":""}`},
		{"empty object", `{}`, []string{"code"}, `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			got := Members(in, tt.names...)
			if string(got) != tt.want {
				t.Errorf("Members(%s, %q) = %s, want %s", tt.in, tt.names, got, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("Members(%s) is not valid JSON: %s", tt.in, got)
			}
			if string(in) != tt.in {
				t.Errorf("Members modified its input: %s", in)
			}
		})
	}
}

// The members named come out null whatever the values around them hold,
// and every other member comes back as it was.
func TestMembersAgainstDecoding(t *testing.T) {
	type inner struct {
		Code string `json:"code"`
	}
	type obj struct {
		Input string         `json:"input"`
		Code  string         `json:"code"`
		List  []inner        `json:"list"`
		Map   map[string]any `json:"map"`
		Title string         `json:"title"`
	}
	for _, o := range []obj{
		{Input: `"}],{[\`, Code: "", List: []inner{{`x"`}}, Map: map[string]any{"code": "", "t": []any{"]", 1.5}}, Title: ""},
		{Input: "<&>\u2028", Code: "541111", Title: "Call Centre Operator"},
	} {
		b, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal(Members(b, "code", "title"), &got); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		var want map[string]json.RawMessage
		json.Unmarshal(b, &want)
		want["code"], want["title"] = json.RawMessage("null"), json.RawMessage("null")
		for k, v := range want {
			if string(got[k]) != string(v) {
				t.Errorf("member %q = %s, want %s", k, got[k], v)
			}
		}
	}
}

func TestMarshal(t *testing.T) {
	v := struct {
		Code  string `json:"code"`
		Title string `json:"title"`
		N     int    `json:"n"`
	}{"", "", 1}
	for _, tt := range []struct {
		null bool
		want string
	}{{false, `{"code":"","title":"","n":1}`}, {true, `{"code":null,"title":null,"n":1}`}} {
		got, err := Marshal(v, tt.null, "code", "title")
		if err != nil || string(got) != tt.want {
			t.Errorf("Marshal(null %v) = %s, %v, want %s", tt.null, got, err, tt.want)
		}
	}
	if _, err := Marshal(func() {}, true, "code"); err == nil {
		t.Error("Marshal(func) succeeded, want encoding/json's error")
	}
}
