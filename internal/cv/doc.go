// Package cv reads a CV (PDF, DOCX, plain text or Markdown), finds its dated
// work-experience positions, classifies each with an index.Classifier and
// says how many months of experience the CV shows in each target
// occupation, and whether they reach the experience that ANZSCO accepts in
// place of formal qualifications.
//
// It owns text extraction from CV files, finding positions and their dates,
// and the CV report. It must not rank titles (it asks an index.Classifier),
// print, or exit.
//
// # Formats
//
// The content decides the format, not the name: "%PDF-" in the first KiB is
// a PDF, a zip archive with word/document.xml is a DOCX, anything else is
// text (UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1252 when
// the bytes are not UTF-8). Password-protected Office files, .doc, RTF,
// OpenDocument and binary files are refused with a message that says what
// to send instead.
//
// PDF text comes from github.com/ledongthuc/pdf (pure Go): the package
// interprets each page's content stream itself (text matrix, line matrix,
// CTM, font widths) to place every string, groups strings on one baseline
// into a line, left to right, writes a tab for a wide gap (a date at the
// right margin) and a blank line for a wide vertical gap. A page in
// columns (a sidebar beside the main text) is read column by column: the
// columns are split at a vertical gutter that no string crosses (below at
// most three lines across the page) when the content stream writes one
// column and then the other, when, reading down the page, lines of one
// column and of the other alternate and most have no text beside them, or
// when the baselines of the two sides meet only by chance (they differ,
// and by varying amounts). A label beside its value, a date beside its
// title or at the right margin stays on its line. Text inside form XObjects is not read. Encrypted
// PDFs that open with the empty password are read; others are refused. A
// PDF with pages but no text is a scan: ErrNoTextLayer. The library panics
// on some malformed files: every call runs under recover.
//
// DOCX text comes from word/document.xml through archive/zip and
// encoding/xml, which may nest elements at most 256 deep and hold at most
// 1,000,000 of them: a line per w:p, w:t text, w:tab as a tab, w:br as a line
// break; list paragraphs (w:numPr or a List style) become bullet lines;
// mc:Fallback copies are skipped. A table row (w:tr) becomes lines whose
// cells are separated by tabs: the first paragraphs of its cells side by
// side, then the second ones ("2018 – 2022<TAB>Team Leader", then
// "<TAB>Northwind, Brisbane"), as the row reads.
//
// # The reader process
//
// A PDF or DOCX is read in a child process, not in the caller: the Go
// runtime ends the whole process on some failures that recover cannot
// catch (a fatal "out of memory" when a few hundred bytes of PDF ask for
// a table of two billion entries; a stack overflow when an object stream
// holds itself), and a server must outlive any upload. Extract starts its
// own executable with SandboxArg; that process (RunSandbox) sets its own
// limits before it reads a byte, so there is no moment when it runs
// without them: RLIMIT_DATA (private writable memory, 256 MiB beyond what
// the runtime holds at start; RLIMIT_AS would count the runtime's
// reserved address space, over 1 GiB before any work), RLIMIT_CPU (5 s;
// SIGXCPU makes it exit with a status of its own, SIGKILL follows a
// second later) and a goroutine stack of 16 MiB. The parent kills it
// after 20 s of wall-clock time, or when the caller's context ends, and
// reads at most 16 MiB of its answer: a JSON Document, or an error with
// its kind. At most max(2, GOMAXPROCS) readers run at once; a document
// waits for one as long as its context allows, so many uploads at once
// cannot multiply the memory limit past what the machine holds. A reader stopped by any limit is ErrTooComplex ("this file is
// too complex to read"); the caller goes on. See DefaultSandboxLimits.
//
// Why a process and not PDFium under WebAssembly (go-pdfium on wazero,
// which caps memory by the module's linear memory): the process needs no
// new dependency and adds 190 KB to the 32 MB binary, where PDFium's
// module is about 5 MB and its bindings as much again; it bounds the DOCX
// reader and any future reader the same way, not only PDFs; and its cost
// is one process start per document. Measured on a shared two-core
// machine (load 8): the reader starts and reads a one-page CV with
// 50-80 ms of CPU time, 80-200 ms wall (about 30 ms of it the package
// initialisation of the binary), peak 23 MiB; a three-page PDF takes
// 48-85 ms through the reader against 2 ms in the caller
// (BenchmarkExtractPDF3Pages, ...InProcess), small beside an upload. wazero must compile PDFium's module first (over a second,
// once per process, or a compilation cache on disk), and the text layer
// would come from a second PDF parser with its own layout, where
// positions here come from the same interpreter the CV-layout code uses.
// Test binaries of packages that read CVs hand SandboxArg to RunSandbox
// in their TestMain; a reader process never starts readers of its own.
//
// # Limits
//
// Analyze refuses a file over Options.MaxSize (DefaultMaxSize, 10 MiB)
// before reading it when the size is known, and reads at most one byte more
// otherwise. word/document.xml may decompress to MaxDocumentXML (16 MiB):
// the size in the zip header is checked first and the part is read through
// an io.LimitedReader whatever the header says. A PDF is read for at most
// MaxPDFPages pages; the PDF library re-reads the file for every object and
// loops on some broken structures (a page tree or a cross-reference chain
// pointing back at itself), so its reads of the file are budgeted (64 times
// the file, at least 16 MiB), the page tree is walked here with bounds on
// depth and nodes, and a page's content streams are measured before they
// are interpreted (4 MiB a page, 16 MiB a file, at most 2,000,000
// operators). The text kept is at most MaxTextBytes, and at most
// MaxPositions positions are classified.
//
// # Positions
//
// Sections are found by their headings in English and Portuguese
// ("Experience", "Work history", "Employment", "Professional experience",
// "Experiência profissional", "Histórico profissional", "Percurso
// profissional", ...). Only experience sections are searched; without any,
// the whole text is, less the sections under other known headings
// (education, courses, skills...), whose dates are not work. The headings,
// form labels, legal forms, kinds of organisation, places and kinds of
// employment the reader knows are data: lexicon/*.txt.
//
// A section of labelled fields (old Europass: "Dates", "Occupation or
// position held", "Name and address of employer"; its Portuguese forms;
// Brazilian forms: "Empresa:", "Cargo:", "Período:", "Admissão: … Saída:
// …"), with the label and value after a colon, a tab, a table cell or a
// plain space, is read field by field: a position ends where a field it
// already has comes again.
//
// Elsewhere each line with a date range (see FindRange) anchors a
// position. Its title and employer are in the rest of that line and in
// the short header lines right above it (up to two; a line naming only a
// place is passed over, and a bullet that opens a block counts) or, when
// the section writes its dates first, right below it; a title beside or
// above the dates may have its employer on the line below, and an
// employer beside the dates its title there. A header line is split
// into parts at " | ", " — ", " - ", ", ", " at ", "@", tabs and runs of
// spaces; places ("Brisbane", "Porto Alegre/RS", "Maitland, New South
// Wales, Australia"), kinds of employment ("Full-time", "CLT") and lengths
// of time ("· 4 yrs 11 mos") are dropped.
//
// Which part is the title is not decided from a list of title words: the
// classifier's corpus says (TitleScorer, which *index.Index implements)
// how much each part reads like a title: half for its share of words the
// corpus uses in titles, half for ending (English) or starting
// (Portuguese) with a word that heads a title. A legal form ("Pty Ltd",
// "S.A.", "Lda.") marks an employer; a kind of organisation ("Banco",
// "Hospital") does too in a part that does not read like a title. The
// part that reads clearly more like a title than the others is the title;
// the place where a section's positions have such titles (the line above
// the dates, the first part beside them...) gives the others a lead, so
// one layout is read alike through a section. Parts beside the title made
// of title words only ("Apoio ao Cliente (Inbound)") or qualifiers
// ("Receptivo") stay in it: "Team Leader – Apoio ao Cliente (Inbound)" is
// one title. The employer is the part marked as one, else a part beside
// the title on its line, else on another line. A company over several
// roles (a line above a length of time, as LinkedIn writes it) is the
// employer of those roles that name none. Entries whose title starts with
// a qualification ("Licenciatura", "Certificate III") are not positions.
// The lines from there to the next position are its description.
//
// Each position carries its Evidence: the layout it was read in and the
// lines that gave its title, employer and dates (`anzsco cv --explain`).
//
// # Dates
//
// FindRange reads "Mar 2019 – Present", "March 2019 - Jan 2021",
// "2017-2019", "2015–17", "jan/2018 - atual", "03/2016 a 12/2018",
// "01/03/2016 a 31/12/2018" (day first), "desde 2020", "since 2021",
// "2019 – até o momento", "fev. 2015 – dez. 2016", "março de 2019 até
// hoje", "de 2019 a 2022", "Aug '18 – Present", "2021-03 – 2024-06" (ISO)
// and "02/2019 – Saída: 11/2022". Present, current, to date, atual, actual, presente, hoje and the
// like end at the reference month (Options.Now). A range counts its
// calendar months, first and last included. A year without a month is read
// as the middle of that year (July for a start, June for an end) and the
// position is marked approximate: "2017 – 2019" counts 24 months, which the
// CV shows at least 13 and at most 36 of.
//
// # Verdict
//
// Each position is classified with its title as index.Query.Text and its
// employer and description lines as Query.Description. Months per target
// code are the union of the months of the positions coded to it, so
// overlapping positions count once per code. Months are counted per code as
// coded: team-leader months are not added to operator months. The verdict
// code is the target code with the most months, ties going to the one
// worked most recently; the experience is met for a code when its months
// reach the corpus's Qualifications.ExperienceYears × 12 (36 for 541111,
// 12 for 541112 in the default corpus).
//
// Analyze, AnalyzeText, Extract, FindPositions and FindRange keep no state
// and are safe for concurrent use when the classifier is.
package cv
