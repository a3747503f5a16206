package abs

import (
	"bytes"
	"fmt"

	"github.com/anzsco/anzsco/corpus"
)

// WholeVersion names the release of the built-in whole-ANZSCO corpus.
const WholeVersion = "anzsco2022-1"

// WholeLexicons are the lexicons of the whole-ANZSCO corpus: the general
// English and Portuguese ones, job-ad noise and the ABS title conventions,
// and none of any one occupation's domain.
var WholeLexicons = []string{"en", "pt", "jobads", "ads-en", "abs"}

// Whole builds the whole-ANZSCO corpus from the workbooks' titles and
// structure: every occupation a target, no contrasts, the general
// lexicons. It is how the built-in corpus "anzsco" is generated, and how
// tests build it from a part of the titles.
func Whole(titles []Title, structure []Occupation) (*corpus.Corpus, error) {
	c, _, err := Build(titles, structure, Options{Targets: AllTargets(), Version: WholeVersion})
	if err != nil {
		return nil, err
	}
	c.Name = fmt.Sprintf("ANZSCO 2022: all %d occupations, every one a target", len(c.Occupations))
	c.Lexicons = append([]string(nil), WholeLexicons...)
	data, err := c.Marshal()
	if err != nil {
		return nil, err
	}
	return corpus.Load(bytes.NewReader(data), "the whole-ANZSCO corpus")
}
