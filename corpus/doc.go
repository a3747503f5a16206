// Package corpus holds the occupation data model, the embedded default
// corpus, and the loading and validation of corpus files. It knows nothing
// about search: package index builds a bleve index from a Corpus.
//
// # Schema
//
// A corpus file is one JSON object:
//
//	{
//	  "version": "5411-2026.11.1",          // names this release of the corpus
//	  "name": "...",                         // a short description
//	  "source": "...",                       // credit for codes and titles
//	  "occupations": [
//	    {
//	      "code": "541111",                  // six digits, unique
//	      "scope": "target",                 // "target" or "contrast"
//	      "skill_level": 3,                  // 1 (highest) to 5; optional
//	      "hierarchy": [{"level": "unit", "code": "5411", "title": "..."}],
//	      "text": {                          // by language: "en", "pt"
//	        "en": {
//	          "title": "...",                // required
//	          "alternative_titles": ["..."],
//	          "specialisations": ["..."],
//	          "everyday_titles": ["..."],    // titles used in ads and CVs
//	          "patterns": [{"roles": ["Supervisor"], "contexts": ["Helpline"]}],
//	          "description": "...",
//	          "tasks": ["..."],
//	          "qualifications": {"au": "...", "nz": "...", "experience_years": 3}
//	        }
//	      },
//	      "isco08": [{"code": "3341", "title": "...", "partial": true}],
//	      "osca": [{"code": "551131", "title": "..."}]
//	    }
//	  ]
//	}
//
// Target occupations may be returned as the code of a classification;
// contrast occupations are neighbours that let the classifier recognise
// what lies outside the targets, and are reported as the nearest outside
// occupation. A pattern stands for every title made of one of its roles and
// one of its contexts: it is how a corpus says that a supervisor is a
// call-centre team leader only in a call centre, a helpline, and so on.
//
// Unknown fields, duplicate codes, malformed codes, unknown languages or
// scopes and empty titles are errors that name the file, the occupation and
// the field. A Corpus is immutable once loaded and safe for concurrent use.
package corpus
