package index

import (
	"os"
	"testing"
)

// TestFitHalfANZSCO reports the accuracy on the fit halves of the labelled
// job-ad titles of the whole ANZSCO, and how often the top candidate is the
// labelled occupation. With ANZSCO_FIT_MISSES set it lists the fit half's
// misses: the rows to study when changing the lexicons or the ranking (the
// test halves are only counted, never listed).
func TestFitHalfANZSCO(t *testing.T) {
	ix := builtinIndex(t, "anzsco")
	for _, name := range []string{"anzsco-test-en.csv", "anzsco-test-pt.csv"} {
		rows := adRows(t, name, true)
		var exact, unit, top int
		for _, r := range rows {
			res, err := ix.Classify(Query{Text: r.title, Top: 3})
			if err != nil {
				t.Fatalf("Classify(%q): %v", r.title, err)
			}
			e, u := adScore(res.Code, r.label)
			exact += b2i(e)
			unit += b2i(u)
			if len(res.Matches) > 0 && res.Matches[0].Code == r.label {
				top++
			}
			if !e && os.Getenv("ANZSCO_FIT_MISSES") != "" {
				var ms []string
				for _, m := range res.Matches {
					ms = append(ms, m.Code+" "+m.Title)
				}
				t.Logf("MISS %-50q want %-6s got %-6s %q (%s %.2f) cleaned %q; top %q", r.title, r.label, res.Code, res.Title, res.Level, res.Confidence, res.Cleaned, ms)
				logLabelRank(t, ix, r.title, r.label)
			}
		}
		n := float64(len(rows))
		t.Logf("%s (fit half, %d rows): exact %.3f, unit group %.3f, top candidate %.3f", name, len(rows), float64(exact)/n, float64(unit)/n, float64(top)/n)
	}
}

// TestCommonPTANZSCO reports the accuracy on testdata/labelled/
// anzsco-common-pt.csv, the most common occupations of the Brazilian and
// Portuguese job markets under the titles ads give them, and asserts a
// regression floor on its unambiguous rows. It is fit data, like the fit
// halves: with ANZSCO_FIT_MISSES set it lists its misses.
func TestCommonPTANZSCO(t *testing.T) {
	testCommon(t, "anzsco-common-pt.csv", commonPTExactFloor, commonPTUnitFloor)
}

// TestAdsPTANZSCO is TestCommonPTANZSCO for testdata/labelled/
// anzsco-ads-pt.csv, Brazilian and Portuguese job-ad titles written whole,
// as the ad boards write them: the head title with its place, contract,
// shift and sector qualifiers, and gendered and European forms.
func TestAdsPTANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads-pt.csv", adsPTExactFloor, adsPTUnitFloor)
}

// TestCommonENANZSCO is TestCommonPTANZSCO for testdata/labelled/
// anzsco-common-en.csv, the most common job titles of Australian and New
// Zealand ads and vacancy lists as they write them.
func TestCommonENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-common-en.csv", commonENExactFloor, commonENUnitFloor)
}

// TestAdsENANZSCO is TestCommonENANZSCO for testdata/labelled/
// anzsco-ads-en.csv, full English ad titles as Australian and New Zealand
// ads, CVs and vacancy lists write them: a head title with its qualifiers
// ("Physio - Sports & Musculoskeletal", "Truck Driver - HR | Local Work").
func TestAdsENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads-en.csv", adsENExactFloor, adsENUnitFloor)
}

// TestAds2ENANZSCO is TestAdsENANZSCO for testdata/labelled/
// anzsco-ads2-en.csv, English ad titles of the unit groups the other fit
// sets did not reach (legislators, the arts, marine transport, medical
// specialists, printing, factory process work, outdoor guides) and other
// wordings of covered ones.
func TestAds2ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads2-en.csv", ads2ENExactFloor, ads2ENUnitFloor)
}

// TestAds3ENANZSCO is TestAdsENANZSCO for testdata/labelled/
// anzsco-ads3-en.csv, English ad titles of the occupations most common in
// ads in wordings no other fit set uses: slang, abbreviations, licence
// classes, sector and employer words ("Fridgie - Commercial
// Refrigeration", "DON - Residential Aged Care Facility").
func TestAds3ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads3-en.csv", ads3ENExactFloor, ads3ENUnitFloor)
}

// TestAds4ENANZSCO is TestAds3ENANZSCO for testdata/labelled/
// anzsco-ads4-en.csv, English ad titles of the sources and sectors the
// other fit sets under-cover: New Zealand ads and te reo Māori titles,
// APS, state and council vacancy lists, mining, defence and emergency
// services, universities, hospitals' allied health and medical ranks,
// agriculture and seasonal work, community services, graduate programmes.
func TestAds4ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads4-en.csv", ads4ENExactFloor, ads4ENUnitFloor)
}

// TestAds5ENANZSCO is TestAds4ENANZSCO for testdata/labelled/
// anzsco-ads5-en.csv, English ad titles in the styles the other fit sets
// under-use: recruitment agencies' and labour hire headlines with tickets
// and licences, big employers' internal titles (supermarkets, banks,
// telcos, hospital grades, councils), LinkedIn titles, modern ICT and
// digital titles, care and NDIS, titles that put the employer or sector
// first, slash doubles and levels.
func TestAds5ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads5-en.csv", ads5ENExactFloor, ads5ENUnitFloor)
}

// TestAds6ENANZSCO is TestAds5ENANZSCO for testdata/labelled/
// anzsco-ads6-en.csv, English ad titles of the major groups ads are full
// of and the other fit sets thin out (managers of sites, stores, venues,
// practices and farms; trades and apprentices; care, education aides,
// hospitality, security and fitness; clerical; sales; drivers and plant
// operators; labourers) as job boards, Trade Me and council and state
// vacancy lists write them: shift and roster words, tickets and licences,
// employer types and New Zealand words.
func TestAds6ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads6-en.csv", ads6ENExactFloor, ads6ENUnitFloor)
}

// TestAds7ENANZSCO is TestAds6ENANZSCO for testdata/labelled/
// anzsco-ads7-en.csv, English ad titles whose head word many occupations
// share (team member, crew member, customer assistant, associate, floor
// staff, coordinator, officer, operator, attendant, hand, specialist,
// consultant, technician, worker, assistant) and which a sector or
// workplace word decides: a supermarket's bakery, a hospital ward, a
// dairy farm, a winery cellar, a council library.
func TestAds7ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads7-en.csv", ads7ENExactFloor, ads7ENUnitFloor)
}

// TestAds10ENANZSCO is TestAds7ENANZSCO for testdata/labelled/
// anzsco-ads10-en.csv, English ad titles of the unit groups with several
// occupations that ads name often (accountants, engineers, registered
// nurses, doctors, teachers, chefs, trades, sales representatives,
// managers, clerks, drivers, labourers), where a specialism, setting or
// client word decides the occupation ("Tax Accountant", "Intensive Care
// Unit RN") or, absent one, the title names only the unit group.
func TestAds10ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads10-en.csv", ads10ENExactFloor, ads10ENUnitFloor)
}

// TestAds8ENANZSCO is TestAds7ENANZSCO for testdata/labelled/
// anzsco-ads8-en.csv, English titles as people type them into ads and
// CVs: abbreviations and shorthand (Snr, Asst, Mgr, Op, Wkr, Off., Eng,
// Dev, HR and MC licences), everyday misspellings, all capitals and
// lower case, CV headlines (seeking, experienced, looking for work as)
// and titles cluttered with pay, places, rosters, emoji, urgency and
// employment terms.
func TestAds8ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads8-en.csv", ads8ENExactFloor, ads8ENUnitFloor)
}

// TestAds9ENANZSCO is TestAds7ENANZSCO for testdata/labelled/
// anzsco-ads9-en.csv, English ad titles of the occupations and unit groups
// no other English fit set labelled (general and corporate services
// managers, livestock and horticultural growers, film and broadcast
// directors, scientists, medical specialists, engineering draftspersons
// and technicians, canvas, leather, clothing and jewellery trades, sports
// and racing officials, inspectors, textile and plastics machine
// operators, factory and farm workers), several wordings of each.
func TestAds9ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads9-en.csv", ads9ENExactFloor, ads9ENUnitFloor)
}

// TestAds11ENANZSCO is TestAds7ENANZSCO for testdata/labelled/
// anzsco-ads11-en.csv, English ad titles of 2024-2026 that name work in
// words newer than ANZSCO 2022's titles: data, AI, cloud, platform and
// cyber roles, product, growth, customer success and content roles,
// ESG, sustainability and climate roles, renewables, batteries, EV,
// hydrogen and electrification, drones and robotics, NDIS, peer and
// lived-experience roles, telehealth, e-commerce, fulfilment and gig
// delivery, hybrid office roles, the new names of hospitality and retail
// work, and the trades and labour of tunnels, rail and data centres.
func TestAds11ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads11-en.csv", ads11ENExactFloor, ads11ENUnitFloor)
}

// TestAds12ENANZSCO is TestAds7ENANZSCO for testdata/labelled/
// anzsco-ads12-en.csv, English titles as small businesses, farms, trades
// and regional employers post them on Gumtree, Facebook groups, Trade Me,
// local papers, community boards and shop windows: wanted, needed,
// hiring, looking for, staff, person, help and all-rounder around the
// title, and the slang of such posts (truckie, chippy, sparkie, rousie,
// deckie, dishie).
func TestAds12ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads12-en.csv", ads12ENExactFloor, ads12ENUnitFloor)
}

// TestCommon2ENANZSCO is TestCommonENANZSCO for testdata/labelled/
// anzsco-common2-en.csv, more of the commonest bare titles of Australian
// and New Zealand ads and CVs, none of them the first part of a title of
// another labelled set: apprentice, trainee, junior and senior forms,
// cooks and chefs of a kind of kitchen, assistants of a kind of shop,
// drivers of a kind of truck, carers and labourers of a trade.
func TestCommon2ENANZSCO(t *testing.T) {
	testCommon(t, "anzsco-common2-en.csv", common2ENExactFloor, common2ENUnitFloor)
}

// TestAds2PTANZSCO is TestAds2ENANZSCO for testdata/labelled/
// anzsco-ads2-pt.csv, Brazilian and Portuguese ad titles.
func TestAds2PTANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads2-pt.csv", ads2PTExactFloor, ads2PTUnitFloor)
}

// TestAds3PTANZSCO is TestAds2PTANZSCO for testdata/labelled/
// anzsco-ads3-pt.csv, Brazilian and Portuguese ad titles of the common
// occupations in wordings the other sets do not use: synonyms, slang,
// abbreviations, BR and PT words, gendered forms and sector qualifiers.
func TestAds3PTANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads3-pt.csv", ads3PTExactFloor, ads3PTUnitFloor)
}

// TestAds4PTANZSCO is TestAds3PTANZSCO for testdata/labelled/
// anzsco-ads4-pt.csv, Brazilian and Portuguese ad titles of the sources and
// sectors the other sets under-cover: municipal and public concursos of
// Portugal and Brazil, agribusiness, mining, public health (SUS, UBS),
// schools and industry, with regional words and feminine forms first.
func TestAds4PTANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads4-pt.csv", ads4PTExactFloor, ads4PTUnitFloor)
}

// TestAds5PTANZSCO is TestAds4PTANZSCO for testdata/labelled/
// anzsco-ads5-pt.csv, Brazilian and Portuguese ad titles in the sources and
// styles the other sets under-use: Gupy, Catho, InfoJobs, Vagas.com,
// Indeed, LinkedIn, Solides, Net-Empregos, SAPO Emprego, ITJobs, Alerta
// Emprego and IEFP; English words inside Portuguese titles, seniority (Jr,
// Pl, Sr, III), Jovem Aprendiz, Estágio em, Trainee, affirmative and PcD
// vacancies, talent-pool non-titles and "/a" feminine forms.
func TestAds5PTANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads5-pt.csv", ads5PTExactFloor, ads5PTUnitFloor)
}

// TestAds6PTANZSCO is TestAds5PTANZSCO for testdata/labelled/
// anzsco-ads6-pt.csv, Brazilian and Portuguese ad titles that name the job
// by a generic head (auxiliar, assistente, operador, técnico, analista,
// atendente, ajudante, encarregado, coordenador, supervisor, agente,
// promotor, líder) and leave the occupation to the sector or workplace
// words after it ("Auxiliar de Drogaria", "Operador de Caldeira").
func TestAds6PTANZSCO(t *testing.T) {
	testCommon(t, "anzsco-ads6-pt.csv", ads6PTExactFloor, ads6PTUnitFloor)
}

// testCommon reports the accuracy on a common-occupations fit set, lists
// its misses with ANZSCO_FIT_MISSES set, and asserts the floors on its
// unambiguous rows.
func testCommon(t *testing.T, file string, exactFloor, unitFloor float64) {
	ix := builtinIndex(t, "anzsco")
	rows := labelledFile(t, file)
	if len(rows) < 150 {
		t.Fatalf("%s: %d rows, want at least 150", file, len(rows))
	}
	var n, exact, unit, nAll, exactAll, unitAll, below5, missing int
	for _, r := range rows {
		res, err := ix.Classify(Query{Text: r.Title, Top: 3})
		if err != nil {
			t.Fatalf("Classify(%q): %v", r.Title, err)
		}
		e, u := adScore(res.Code, r.Label)
		nAll++
		exactAll += b2i(e)
		unitAll += b2i(u)
		if !r.Ambiguous() {
			n++
			exact += b2i(e)
			unit += b2i(u)
		}
		if !e && os.Getenv("ANZSCO_FIT_MISSES") != "" {
			var ms []string
			for _, m := range res.Matches {
				ms = append(ms, m.Code+" "+m.Title)
			}
			t.Logf("MISS %-40q want %-6s got %-6s %q (%s %.2f); top %q", r.Title, r.Label, res.Code, res.Title, res.Level, res.Confidence, ms)
			rank, absent := logLabelRank(t, ix, r.Title, r.Label)
			if !r.Ambiguous() {
				below5 += b2i(rank > 5)
				missing += b2i(absent)
			}
		}
	}
	if os.Getenv("ANZSCO_FIT_MISSES") != "" {
		t.Logf("%s: of the %d unambiguous rows, the label is below the fifth candidate for %d and not among the candidates for %d", file, n, below5, missing)
	}
	t.Logf("%s (%d rows, %d unambiguous): unambiguous exact %.3f, unit group %.3f; all rows exact %.3f, unit group %.3f",
		file, nAll, n, float64(exact)/float64(n), float64(unit)/float64(n), float64(exactAll)/float64(nAll), float64(unitAll)/float64(nAll))
	if got := float64(exact) / float64(n); got < exactFloor {
		t.Errorf("%s: exact accuracy %.3f on the unambiguous rows, want >= %.2f", file, got, exactFloor)
	}
	if got := float64(unit) / float64(n); got < unitFloor {
		t.Errorf("%s: unit-group accuracy %.3f on the unambiguous rows, want >= %.2f", file, got, unitFloor)
	}
}

// Floors of TestCommonPTANZSCO, TestAdsPTANZSCO, TestCommonENANZSCO and
// TestAdsENANZSCO: regression floors just under the accuracy measured
// (README "Portuguese titles through ISCO-08" and "Whole ANZSCO";
// docs/whole-anzsco.md, "Full English ad titles").
const (
	commonPTExactFloor = 0.89
	commonPTUnitFloor  = 0.95
	// measured on 490 rows, 67 of them titles of general wordings
	// (abbreviated role words, English role titles, grades, Brazilian and
	// European pairs) that its first 423 lacked; those 423 code as before;
	// then 528 rows, 38 of them learners of a field (estagiário de, trainee
	// de, jovem aprendiz); raised from 0.90 and 0.93 with the glossary
	// words of anzsco-ads3-pt.csv's misses (0.917, 0.948)
	adsPTExactFloor    = 0.91
	adsPTUnitFloor     = 0.94
	commonENExactFloor = 0.91
	commonENUnitFloor  = 0.94
	// measured on 510 rows, 35 of them learners of a field (intern,
	// graduate, cadet, apprentice), harder than the first 475, none of
	// which codes otherwise; raised from 0.89 and 0.91 with the lexicon
	// entries of anzsco-ads5-en.csv's misses (0.918, 0.936)
	adsENExactFloor = 0.91
	adsENUnitFloor  = 0.93
	// TestAds2ENANZSCO and TestAds2PTANZSCO: first measured at exact
	// 0.675, unit group 0.716 (English) and 0.324, 0.448 (Portuguese),
	// before any change made from their misses (0.691, 0.733 and 0.332,
	// 0.456 once eight labels were corrected); 0.897, 0.909 and 0.840,
	// 0.876 with the lexicon entries made from them
	ads2ENExactFloor = 0.89
	ads2ENUnitFloor  = 0.90
	ads2PTExactFloor = 0.83
	ads2PTUnitFloor  = 0.87
	// TestAds3ENANZSCO: first measured at exact 0.430, unit group 0.484
	// on its 279 unambiguous rows, before any change made from its misses
	// (0.429, 0.482 on 282 once four labels were corrected); 0.883, 0.897
	// with the lexicon entries made from them
	ads3ENExactFloor = 0.88
	ads3ENUnitFloor  = 0.89
	// TestAds4ENANZSCO: first measured at exact 0.571, unit group 0.645
	// on its 231 unambiguous rows, before any change made from its misses
	// (0.584, 0.652 on 233 once five labels were corrected to ANZSCO's own
	// specialisations); 0.824, 0.863 with the lexicon entries made from them
	ads4ENExactFloor = 0.82
	ads4ENUnitFloor  = 0.86
	// TestAds5ENANZSCO: first measured at exact 0.536, unit group 0.629
	// on its 151 unambiguous rows, before any change made from its misses;
	// 0.768, 0.795 with the lexicon entries made from them; raised from
	// 0.76 and 0.79 with those of anzsco-ads6-en.csv's misses (0.788, 0.808)
	ads5ENExactFloor = 0.78
	ads5ENUnitFloor  = 0.80
	// TestAds6ENANZSCO: first measured at exact 0.731, unit group 0.755
	// on its 290 unambiguous rows, before any change made from its misses
	// (0.740, 0.764 on 288 once five labels were corrected to ANZSCO's
	// own titles); 0.819, 0.851 with the lexicon entries made from them,
	// refitted; raised from 0.81 and 0.84 with the curated titles of the
	// fit sets' missing wordings (0.837, 0.872)
	ads6ENExactFloor = 0.83
	ads6ENUnitFloor  = 0.87
	// TestAds7ENANZSCO: first measured at exact 0.476, unit group 0.516
	// on its 250 unambiguous rows, before any change made from its misses;
	// 0.708, 0.748 with the lexicon entries made from them; raised from
	// 0.70 and 0.74 with the curated titles of the fit sets' missing
	// wordings (0.772, 0.808)
	ads7ENExactFloor = 0.77
	ads7ENUnitFloor  = 0.80
	// TestAds10ENANZSCO: first measured at exact 0.749, unit group 0.803
	// on its 370 unambiguous rows, before any change made from its misses
	// (0.755, 0.809 on 371 once three labels were corrected to ANZSCO's
	// own titles); 0.827, 0.879 with the lexicon entries made from them;
	// raised from 0.82 and 0.87 with the curated titles of the newest fit
	// sets' missing wordings (0.857, 0.903)
	ads10ENExactFloor = 0.85
	ads10ENUnitFloor  = 0.89

	// TestAds8ENANZSCO: first measured at exact 0.590, unit group 0.630
	// on its 273 unambiguous rows, before any change made from its misses
	// (0.596, 0.636 on 272 once four labels were corrected or marked
	// ambiguous); 0.787, 0.812 with the lexicon entries made from them;
	// raised from 0.78 and 0.81 with the speller's choice by the word's
	// ending and the title's language (0.849, 0.875)
	ads8ENExactFloor = 0.84
	ads8ENUnitFloor  = 0.87

	// TestAds9ENANZSCO: first measured at exact 0.677, unit group 0.764
	// on its 607 unambiguous rows, before any change made from its misses
	// (0.683, 0.769 on 603 once five labels were corrected to ANZSCO's own
	// titles); 0.748, 0.821 with the lexicon entries made from them;
	// raised from 0.74 and 0.82 with the curated titles of the newest fit
	// sets' missing wordings (0.795, 0.850)
	ads9ENExactFloor = 0.79
	ads9ENUnitFloor  = 0.84

	// TestAds11ENANZSCO: first measured at exact 0.419, unit group 0.473 on its
	// 148 unambiguous rows, before any change made from its misses; 0.845,
	// 0.858 with the lexicon entries made from them
	ads11ENExactFloor = 0.84
	ads11ENUnitFloor  = 0.85

	// TestAds12ENANZSCO: first measured at exact 0.693, unit group 0.754
	// on its 358 unambiguous rows, before any change made from its misses
	// (0.698, 0.760 once two labels were corrected to ANZSCO's own titles);
	// 0.874, 0.899 with the lexicon entries made from them
	ads12ENExactFloor = 0.87
	ads12ENUnitFloor  = 0.89

	// TestCommon2ENANZSCO: first measured at exact 0.622, unit group 0.676 on its
	// 349 unambiguous rows, before any change made from its misses; 0.670,
	// 0.725 with the everyday names made from them; 0.667, 0.722 on 345
	// once four rows that were curated titles of the corpus were taken out
	common2ENExactFloor = 0.66
	common2ENUnitFloor  = 0.72

	// TestAds3PTANZSCO: first measured at exact 0.351, unit group 0.465,
	// before any change made from its misses; 0.904, 0.928 with the
	// glossary words made from them
	ads3PTExactFloor = 0.90
	ads3PTUnitFloor  = 0.92
	// TestAds4PTANZSCO: first measured at exact 0.516, unit group 0.638
	// on its 213 unambiguous rows, before any change made from its misses;
	// 0.789, 0.854 with the glossary words and the feminine-first noise
	// made from them (two labels corrected on the way: occupational and
	// public health physicians are 253399)
	ads4PTExactFloor = 0.78
	ads4PTUnitFloor  = 0.85
	// TestAds5PTANZSCO: first measured at exact 0.653, unit group 0.722
	// on its 352 unambiguous rows, before any change made from its misses
	// (0.670, 0.730 on 355 once eleven labels were corrected); 0.749, 0.794
	// with the glossary words, noise and crosswalk correction made from
	// them; raised from 0.74 and 0.79 once a slash ending written onto a
	// word ("Operador/a de Empilhadeira") no longer parted the title
	// (0.786, 0.834; 0.789, 0.837 with the curated titles after)
	ads5PTExactFloor = 0.78
	ads5PTUnitFloor  = 0.83
	// TestAds6PTANZSCO: first measured at exact 0.477, unit group 0.534
	// on its 176 unambiguous rows, before any change made from its misses;
	// 0.875, 0.920 with the glossary phrases of head and sector made from
	// them
	ads6PTExactFloor = 0.87
	ads6PTUnitFloor  = 0.91
)

// logLabelRank logs where an occupation label stands among the first 50
// candidates of a title when it is not among the first five: a label
// that low, or absent, is most often a wording the corpus lacks for the
// occupation rather than a choice of the ranking.
func logLabelRank(t *testing.T, ix *Index, title, label string) (rank int, absent bool) {
	if len(label) != 6 {
		return 0, false
	}
	res, err := ix.Classify(Query{Text: title, Top: 50})
	if err != nil {
		t.Fatalf("Classify(%q): %v", title, err)
	}
	for i, m := range res.Matches {
		if m.Code == label {
			rank = i + 1
			break
		}
	}
	switch {
	case rank == 0:
		t.Logf("RANK %-40q want %s: not among the %d candidates", title, label, len(res.Matches))
	case rank > 5:
		t.Logf("RANK %-40q want %s: candidate %d", title, label, rank)
	}
	return rank, rank == 0
}
