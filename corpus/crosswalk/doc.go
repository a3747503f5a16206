// Package crosswalk derives Portuguese titles for ANZSCO 2022 occupations
// from the public crosswalks between ANZSCO, ISCO-08 and the Brazilian and
// Portuguese classifications, and ships them as embedded data.
//
// It owns the readers of the crosswalk files and the rules that derive a
// title from them. It must not import the index or read anything at run
// time but its embedded data: the sources are read when the data is
// generated.
//
// # Sources
//
// Each source has a reader that takes an io.Reader first and reports bad
// input in one line naming the file, the line and the problem:
//
//   - ReadANZSCOToISCO08: the ABS correspondence from ANZSCO 2022 to ISCO-08
//     (Table 4), 1,340 rows for 1,075 of the 1,076 occupations; "p" marks a
//     partial match.
//   - ReadESCOOccupations: ESCO v1.2 occupations in Portuguese (Portugal),
//     each in one ISCO-08 unit group, with preferred, alternative and hidden
//     labels; ReadESCOEnglish: ESCO v1.1.1 occupations in English, the same
//     occupations by URI.
//   - ReadESCOGroupNames: ESCO's Portuguese names of the ISCO-08 groups.
//   - ReadCBO: Brazil's CBO 2002 occupations and synonyms (ISO-8859-1).
//   - ReadCBOToISCO88: the Ministry's table from CBO 2002 to ISCO-88, which
//     lists 1,389 of the 2,719 CBO occupations; rows that lost a separator
//     are read from their ends, and the ten with no ISCO-88 code are skipped.
//   - ReadISCO88To08: the ILO correspondence from ISCO-88 to ISCO-08.
//   - ReadCPPProfessions and ReadCPPMapping: Portugal's CPP 2010 professions
//     (the first four digits of a CPP code are its ISCO-08 unit group) and
//     the official ESCO to CPP 2010 mapping, which also names 664 of them.
//     A profession takes its title from the mapping where the mapping names
//     it (the list has a few wrong titles: it calls 5223.0 "Vendedor
//     ambulante de produtos alimentares"), from the list otherwise.
//
// LoadSources reads them all from the layout of the shared crosswalks
// directory (the Files constants). The English titles of the ABS index of
// titles (alternative titles and specialisations) come from its workbook,
// which the generator reads with package abs into Sources.ANZSCOTitles.
//
// # From a label to an ANZSCO target
//
// Every label reaches one or more ISCO-08 unit groups: an ESCO label and a
// CPP title through their own group, an ESCO group name as that group, a
// CBO title through ISCO-88:
//
//   - a CBO occupation takes the ISCO-88 group the conversion table gives
//     it; one the table does not list takes its family's group (the first
//     four digits of its code) when every listed occupation of the family
//     has the same one ("via its family 7825"), and is dropped otherwise;
//   - an ISCO-88 group goes to the ISCO-08 groups of the ILO table that
//     share the longest prefix with its code, if two digits or more: the
//     group that kept its code (ISCO-88 8111 → ISCO-08 8111, and not 3121
//     Mining supervisors, which the table also lists), else those of the same
//     sub-major group, which keeps the skill level (ISCO-88 2230 Nursing and
//     midwifery professionals → 2221 and 2222, not 1342 Health services
//     managers nor 3221 Nursing associate professionals). Failing that, its
//     non-partial rows, and failing that all of them.
//
// # Corrections
//
// Each table is followed as published except where data/corrections.txt
// says it is plainly wrong for a whole group (ReadCorrections; LoadSources
// takes the embedded file). A cbo line sends a CBO family or occupation
// straight to ISCO-08 groups: the Ministry's table gives family 4110, whose
// assistente administrativo and auxiliar de escritório are the most common
// office jobs of Brazil, ISCO-88 4121 accounting clerks, which led them to
// ANZSCO's bookkeepers; they are general office clerks (ISCO-08 4110). An
// isco88 line replaces the ISCO-08 groups of an ISCO-88 group: ISCO-08
// reused the code 4222 for contact centre clerks, so the nearest-code rule
// made every receptionist of ISCO-88 4222 a call-centre operator (and
// 4211 made cashiers bank tellers, 2320 secondary teachers vocational
// ones; where it found only a partial row two digits away, it could miss
// a full row elsewhere, as for refinery operators). A main
// line names, for an ISCO-08 group whose ABS rows are all partial, the
// ANZSCO occupations that hold the bulk of it, and the group's labels go to
// them only: ISCO-08 3343 administrative secretaries reaches 521111,
// 521211 and 532112 Machine Shorthand Reporter, which, alone in its minor
// group, took "Assistente administrativo" as an occupation's title. An
// ESCO label whose English label is a title of a left-out occupation is
// still pinned to it (ESCO "court reporter" to 532112). Every title a line
// changes says so: "CBO 2002 occupation 4110-10, via ISCO-08 4110
// (corrected: family 4110 are general office clerks, ...)", "...; ISCO-08
// 3343 taken as ANZSCO 521111, 521211 (corrected: ...)".
//
// The ISCO-08 groups lead to ANZSCO occupations through the ABS table,
// read backwards. Where a group has non-partial rows, only their
// occupations count, being wholly in the group; where all its rows are
// partial, all count. (In the 2022 table no group mixes the two: 1,197 rows
// are partial, 143 are not.) The label then goes to a target (Targets):
//
//   - one occupation: that occupation;
//   - several in one unit group: the unit group (8332 → 7331 Truck Drivers);
//   - several in one minor group: the minor group (2221 Nursing
//     professionals → 254, as it covers nurse educators, managers and
//     registered nurses);
//   - occupations in several minor groups: each minor group's share gets a
//     target by the rules above (6121 Livestock and dairy producers →
//     livestock farmers 1213, track rider 361116, and minor group 363 for
//     senior farm workers and shearers), up to MaxMinorGroups minor groups;
//     a label that reaches more is dropped. Dropping every label whose
//     occupations span minor groups, instead, would leave 443 of the 1,075
//     occupations without any Portuguese title. Such a title is ambiguous
//     between its targets, and its provenance says so ("; shared with
//     ANZSCO 1213, 363"); a target that is one occupation of such a split
//     is no surer than the others (ISCO-08 3341 Office supervisors gives
//     "Chefe de escritório" to 512 Office and Practice Managers and to
//     541111 Call or Contact Centre Team Leader alike).
//
// One refinement narrows ESCO labels: when an ESCO occupation's English
// preferred label is an English title (principal, alternative or
// specialisation) of some but not all of the ANZSCO occupations of its
// ISCO-08 group, its labels go to those occupations only (ESCO "carpenter"
// in ISCO-08 7115 is 331212 Carpenter, not the carpenters, joiners, boat
// builders and home improvement installers that 7115 spans), and so does a
// CPP 2010 profession that the mapping matches exactly (skos:exactMatch)
// with that ESCO occupation. English alternative labels are not used: they
// reach too far ("chief financial officer" is one of bank treasurer's).
// This sends 280 ESCO occupations and 62 CPP professions to narrower
// targets.
//
// 121617 Wine Grape Grower has no ISCO-08 row in the ABS table, so no label
// names it; the titles of its unit group 1216 Horticultural Crop Growers
// (from ISCO-08 6113, 6112 and others) are the ones that reach it.
//
// # From a label to titles
//
// SplitLabel makes titles of a label: gendered and slashed labels become
// separate titles ("Diretor técnico/Diretora técnica", "Operador(a)" →
// "Operador", "Operadora"), a gender note such as "(m/f)" is removed, and a
// slash that does not join two titles ("Manicure/pedicure", "TI/TIC") is
// kept. A title that matches data/pt-generic.txt, a data file of bare role
// words ("Gerente", "Técnico") and residual categories ("Outros *"), is
// dropped as too generic. ESCO's hidden labels are search terms: besides
// older spellings ("Director técnico") they hold misspellings
// ("Oftlamologista") and words that name other occupations ("Psicólogo"
// under médico especialista); only those that are one of the occupation's
// labels in the spelling from before the 1990 agreement are kept (50 of
// 109). Titles are deduplicated per target on their folded form (Fold:
// the index's folding, package fold, with single spaces); the first source in this order
// keeps its wording and provenance: ESCO preferred and alternative labels,
// CPP 2010 professions, ESCO group names, CBO occupations, CBO synonyms,
// ESCO hidden labels.
//
// # Provenance and variant
//
// PTTitle.Source says where a title comes from and how it got there:
//
//	ESCO 1.2 preferred label, ISCO-08 8332
//	ESCO 1.2 preferred label, ISCO-08 7115; its English label 'carpenter' is a title of ANZSCO 331212
//	ESCO 1.2 alternative label of 'motorista de camião', ISCO-08 8332
//	ESCO 1.2 hidden label of 'diretor técnico', ISCO-08 2654
//	ESCO name of ISCO-08 unit group 8332
//	CPP 2010 profession 8332.0, ISCO-08 8332
//	CPP 2010 profession 2341.0, ISCO-08 2341; the same as ESCO 'professor do ensino básico'; its English label 'primary school teacher' is a title of ANZSCO 241213
//	CBO 2002 occupation 7825-10, via ISCO-88 8324 → ISCO-08 8332
//	CBO 2002 synonym of 7825-10, via ISCO-88 8324 → ISCO-08 8332
//	CBO 2002 synonym of 7825-05, via its family 7825, ISCO-88 8324 → ISCO-08 8332
//	CPP 2010 profession 3341.1, ISCO-08 3341; shared with ANZSCO 512
//
// PTTitle.Variant is "pt-BR" for a title from CBO 2002, "pt-PT" for one
// from ESCO or CPP 2010 (both written in Portugal), and "" when sources of
// both countries give it to the same target.
//
// # The embedded data
//
// The command in internal/gen (go generate in this directory) derives the
// titles from the shared crosswalks and the ABS index of titles and writes
// data/pt-titles.tsv.gz, a gzipped TSV with the header "target, text,
// variant, source", sorted by target and folded text, with no name or time
// in the gzip header, so the same sources give the same bytes; a test fails
// when it is out of date. Titles reads it; the product needs no crosswalk
// file at build or run time. From the sources as they stand, with the
// corrections: 29,924 titles (312 KB gzipped, 3.8 MB plain), 15,025 of them
// on an occupation, 8,201 on a unit group and 6,698 on a minor group (550
// say they were corrected); of the 1,075 occupations of the ABS table, 486
// have titles of their own, 355 more through their unit group and the last
// 234 through their minor group. 10,994 titles are shared with no other
// target, and 366 occupations have such titles of their own.
//
// # English titles
//
// EnglishTitles gives the whole ANZSCO English titles of a second source:
// the preferred labels of ESCO's English occupations, sent through their
// ISCO-08 group to targets by the rules above (not pinned: they do not
// depend on the ABS index of titles). The generator writes them to
// data/en-titles.tsv.gz in the same layout (4,855 titles, 43 KB gzipped:
// 2,396 on an occupation, 1,347 on a unit group, 1,112 on a minor group);
// English reads them. ESCO's alternative labels are left out: about
// 45,000 more titles, some 6 MB of corpus.
//
// # Curated titles
//
// data/curated-titles.txt, written by hand, holds everyday titles of job
// ads that the ABS index of titles lacks ("Lawyer", "Doctor"), each with
// the occupation or group the ANZSCO definitions name for it, its language
// and the reason, one a tab-separated line. CuratedTitles reads them and
// Curated gives them to the whole-ANZSCO corpus with the source
// corpus.CuratedSource, which the index weighs as the classification's own
// titles. A test checks that every code exists and that no line repeats an
// ABS title or a title of a labelled set.
//
// The data must carry Attribution wherever it is shipped or shown, the
// English titles EnglishAttribution and the curated titles
// CuratedAttribution.
//
// The package's functions are safe for concurrent use; Titles returns a
// slice shared by all callers, which must not change it.
package crosswalk
