package index

import "github.com/anzsco/anzsco/internal/jsonnull"

// Query is one thing to classify.
type Query struct {
	// Text is the job title (or any short free text). Required.
	Text string
	// Description is optional longer text (a job ad body, a CV position's
	// bullet lines). It counts for less than the title.
	Description string
	// Top is how many matches to return; 0 means DefaultTop.
	Top int
	// Explain asks for an Explanation in the result.
	Explain bool
	// MinConfidence, when above 0, reports a code whose confidence is below
	// it as outside, with a warning. In a hierarchical corpus the result
	// first backs off to the first broader group (unit group, then minor
	// group) whose confidence reaches it, with a warning.
	MinConfidence float64
}

// DefaultTop is the number of matches returned when Query.Top is 0.
const DefaultTop = 3

// Result is the classification of one input. Its JSON form is a stable
// contract: fields may be added, never renamed.
type Result struct {
	// Input is the text as given (after UTF-8 repair and truncation).
	Input string `json:"input"`
	// Code and Title are the target occupation the input is coded to, or
	// empty (null in JSON) when the input lies outside the targets.
	Code  string `json:"code"`
	Title string `json:"title"`
	// Confidence is the calibrated probability that Code is right; when Code
	// is empty it is the probability that the input lies outside.
	Confidence float64 `json:"confidence"`
	// Level says what Code is: LevelOccupation, or in a hierarchical
	// corpus LevelUnitGroup or LevelMinorGroup when the words support a
	// group but no one occupation; empty when the input is outside.
	Level string `json:"level,omitempty"`
	// Group is the unit group of the occupation coded, or the group the
	// result backed off to; only in a hierarchical corpus.
	Group *GroupRef `json:"group,omitempty"`
	// Matches are the target occupations that matched the input at all,
	// best first (at most Query.Top); empty when none did.
	Matches []Match `json:"matches"`
	// NearestOutside is the best contrast occupation, if any matched.
	NearestOutside *Neighbour `json:"nearest_outside"`
	// Corpus identifies the corpus the index was built from.
	Corpus CorpusInfo `json:"corpus"`
	// Cleaned is the text that was searched after noise was stripped, when
	// it differs from Input.
	Cleaned string `json:"cleaned,omitempty"`
	// Warnings report repairs made to the input (truncation, invalid UTF-8)
	// and what Query.MinConfidence did to the result.
	Warnings []string `json:"warnings,omitempty"`
	// Explanation says how the result was reached (only with Query.Explain).
	Explanation *Explanation `json:"explanation,omitempty"`
	// Demoted is the best code when Query.MinConfidence left it uncoded:
	// Code is then empty and Confidence the probability that the input
	// lies outside, as for any uncoded result.
	Demoted *Match `json:"demoted,omitempty"`

	// pOutside is the probability that the input lies outside; probs the
	// confidence model's outputs, for the explanation: in a hierarchical
	// corpus the levels', in another pIn and pTop (made a map only when
	// explained).
	pOutside  float64
	probs     map[string]float64
	pIn, pTop float64
}

// Outside reports whether the input lies outside the target occupations.
func (r *Result) Outside() bool { return r.Code == "" }

// RunnerUp returns the second-ranked target match, if any.
func (r *Result) RunnerUp() (Match, bool) {
	if len(r.Matches) < 2 {
		return Match{}, false
	}
	return r.Matches[1], true
}

// GroupRef names a group of the classification.
type GroupRef struct {
	Level string `json:"level"`
	Code  string `json:"code"`
	Title string `json:"title"`
}

// Match is one ranked target occupation.
type Match struct {
	Code  string  `json:"code"`
	Title string  `json:"title"`
	Score float64 `json:"score"`
	// Confidence is the probability that this is the right code.
	Confidence float64 `json:"confidence"`
}

// Neighbour is a contrast occupation near the input.
type Neighbour struct {
	Code  string  `json:"code"`
	Title string  `json:"title"`
	Score float64 `json:"score"`
}

// CorpusInfo names a corpus version and the SHA-256 of its file.
type CorpusInfo struct {
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Explanation is the reasoning behind a Result.
type Explanation struct {
	// Stripped lists the noise removed from the title (contract terms,
	// places, pay...), each with the rule that removed it.
	Stripped []Stripped `json:"stripped,omitempty"`
	// Corrected lists typing slips that were corrected.
	Corrected []Correction `json:"corrected,omitempty"`
	// Translation is the query as the corpus's glossary translated it,
	// when it did: its terms are among Terms.
	Translation *Translation `json:"translation,omitempty"`
	// Terms are the informative query terms after analysis.
	Terms []string `json:"terms"`
	// Words maps each term to the words of the query, as written, that
	// give it ("centr": ["Centre"]), to show matches as people wrote them.
	Words map[string][]string `json:"words,omitempty"`
	// Candidates are the occupations considered, targets and contrasts,
	// with the features the decision used.
	Candidates []Candidate `json:"candidates"`
	// Decision says in words why the code (or outside) was chosen.
	Decision string `json:"decision"`
	// Probabilities are the confidence model's outputs: in a corpus with
	// contrasts P(in scope) and P(top | in scope); in a hierarchical
	// corpus the calibrated probability of each level.
	Probabilities map[string]float64 `json:"probabilities,omitempty"`
}

// Translation is a query translated into another language of the corpus.
type Translation struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// Stripped is one piece of noise removed from a title.
type Stripped struct {
	Text string `json:"text"`
	Rule string `json:"rule"`
}

// Correction is one typing slip corrected against the corpus vocabulary.
type Correction struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Candidate is an occupation as the ranking saw it.
type Candidate struct {
	Code  string  `json:"code"`
	Title string  `json:"title"`
	Scope string  `json:"scope"`
	Score float64 `json:"score"`
	// Coverage is the share of query terms found in the occupation's
	// title-like fields (title, alternative titles, specialisations,
	// everyday titles).
	Coverage float64 `json:"coverage"`
	// Containment is the share of the best-matching title's terms found in
	// the query; 1 means a whole title of the occupation is in the query.
	Containment float64 `json:"containment"`
	// BestTitle is that best-matching title.
	BestTitle string `json:"best_title,omitempty"`
	// Fields lists which fields matched which terms, from bleve's scoring.
	Fields []FieldMatch `json:"fields,omitempty"`
}

// FieldMatch says which query terms one field of a candidate matched.
// Field is the kind of string and its language (title_en, alt_en,
// everyday_pt, pattern_en, description+tasks_pt...); Score is the weight
// that kind carries in the index.
type FieldMatch struct {
	Field string   `json:"field"`
	Terms []string `json:"terms"`
	Score float64  `json:"score"`
}

// MarshalJSON writes the fields in the order of Result, with code and
// title null when the input is outside and matches [] when there are none.
// A null code or title reads back as empty.
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result // Result's fields and tags without this method
	out := plain(r)
	if out.Matches == nil {
		out.Matches = []Match{}
	}
	return jsonnull.Marshal(out, r.Code == "", "code", "title")
}
