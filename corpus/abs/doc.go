// Package abs imports the ANZSCO 2022 workbooks that the Australian Bureau
// of Statistics publishes into a corpus.Corpus, so the classifier can work
// on the whole classification and not only on the embedded unit group 5411.
//
// It owns reading the ABS workbooks and turning them into a corpus. It must
// not know the search index, print or write files: the command writes the
// corpus Build returns.
//
// # The workbooks
//
// The index of titles (anzsco-2022-index-of-titles.xlsx) lists every title
// of every occupation. ReadTitles reads its sheet "Table 2" (the same list
// sorted by code; "Table 1", sorted by title, is read when "Table 2" is
// missing). The header row, found among the first rows of the sheet, names
// the columns:
//
//	Occupation Code | Description | Category
//	541111          | Call Centre Supervisor | Alternative Title
//
// The category is one of "Principal Title", "Alternative Title",
// "Specialisation" or "Occupation in nec category". Rows before the header
// (the sheet's title and release date) and the copyright lines after the
// table are skipped; a row with a code that is not six digits, an empty
// title or an unknown category is an error that names the sheet, the row
// and the column.
//
// The structure (anzsco-2022-structure.xlsx) gives the hierarchy and the
// skill levels. ReadStructure reads its sheet "Table 5", whose header rows
// name one column per level, a code in that column and the title in the
// next one:
//
//	Major Group | Sub-Major Group | Minor Group | Unit Group | Occupation | | Skill Level
//	5
//	            | 54
//	            |                 | 541
//	            |                 |             | 5411
//	            |                 |             |            | 541111 | Call or Contact Centre Team Leader | 3
//
// A skill level that differs between the countries ("4 Aus,3 NZ") is read
// as the Australian one.
//
// # From workbooks to a corpus
//
// Build makes one occupation per code, with its text in English:
//   - the principal title is the title; a principal title that joins two
//     country titles with " / " ("Court Orderly (Aus) / Court Registry
//     Officer (NZ)") also gives each part as an alternative title;
//   - alternative titles are alternative titles;
//   - specialisations and the titles listed under a "nec" occupation are
//     specialisations;
//   - a trailing country marker, "(Aus)" or "(NZ)", is dropped from
//     alternative titles and specialisations, since nobody types it.
//
// The structure adds the hierarchy (major, sub-major, minor and unit group)
// and the skill level. Targets choose which occupations may be returned as a
// code (unit group 5411 by default, any list of groups, or all of them); the
// others become contrast occupations that tell what lies outside.
//
// A base corpus (the embedded default, normally) is merged in: its
// occupations keep their everyday titles, descriptions, tasks,
// qualifications, correspondences and Portuguese text, and gain the titles
// the workbook adds. The workbook decides the title, the hierarchy and the
// skill level when it has them; the targets decide the scope.
//
// The package reads workbooks with internal/xlsx, as the raw text of their
// cells (no number format applied), and knows nothing about the search
// index. A workbook is read whole into memory, up to MaxFileSize; its zip
// directory is checked first (64 MiB unpacked in all, 32 MiB a part), and a
// sheet may have 200,000 rows and 2,000,000 cells. Its functions are safe
// for concurrent use.
package abs
