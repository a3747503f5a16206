package cli

import (
	"errors"

	"github.com/anzsco/anzsco/index"
)

// checkQueryFlags checks --top and --min-confidence by index.Query's own
// rule, in the words of the flags. On the command line --top has no
// "default" value 0: the flag's default is the default.
func checkQueryFlags(top int, minConf float64) error {
	err := index.Query{Top: top, MinConfidence: minConf}.Validate()
	var qe *index.QueryError
	switch {
	case top < 1 || errors.As(err, &qe) && qe.Field == "top":
		return usageError("--top must be between 1 and %d, got %d", index.MaxTop, top)
	case err != nil:
		return usageError("--min-confidence must be between 0 and 1, got %g", minConf)
	}
	return nil
}
