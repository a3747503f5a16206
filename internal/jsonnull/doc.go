// Package jsonnull owns the one rule by which a JSON contract says "none":
// a member such as "code" is written as null, not as "", when there is no
// code. index.Result, cv.Position and cv.Report marshal their own type
// with encoding/json (so each struct and its tags are the one statement of
// its JSON form) and then name the members that are null.
//
// It must not decide which members are null (the types do) nor reorder,
// re-indent or otherwise rewrite the JSON around them.
package jsonnull
