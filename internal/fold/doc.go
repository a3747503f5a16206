// Package fold owns the one way text is folded before it is compared:
// lower case, Latin letters without their diacritics ("ç" is "c", "ß" is
// "ss"), typographic punctuation as ASCII (curly quotes, dashes, a no-break
// space). The index analyses every query and title in this form, and the
// CV reader finds dates and section headings in it.
//
// It must not split words, stem or know any language's words: that is the
// index's analysis. Changing the table changes what every persisted index
// holds (the index records a fingerprint of its analysis and refuses a
// mismatch), so it changes only with the index's golden files.
package fold
