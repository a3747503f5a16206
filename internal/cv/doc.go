// Package cv reads a CV (PDF, DOCX, plain text or Markdown), finds its dated
// work-experience positions, classifies each with an index.Classifier and
// says how many months of experience the CV shows in each target
// occupation, and whether they reach the experience that ANZSCO accepts in
// place of formal qualifications.
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
// right margin) and a blank line for a wide vertical gap. Text inside form
// XObjects is not read; two-column layouts come out interleaved. Encrypted
// PDFs that open with the empty password are read; others are refused. A
// PDF with pages but no text is a scan: ErrNoTextLayer. The library panics
// on some malformed files: every call runs under recover.
//
// DOCX text comes from word/document.xml through archive/zip and
// encoding/xml, which may nest elements at most 256 deep and hold at most
// 1,000,000 of them: a line per w:p, w:t text, w:tab as a tab, w:br as a line
// break; list paragraphs (w:numPr or a List style) become bullet lines;
// mc:Fallback copies are skipped.
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
// "Experiência profissional", "Histórico profissional", ...). Only
// experience sections are searched; without any, the whole text is, less
// the sections under other known headings (education, courses, skills...),
// whose dates are not work.
//
// Each line with a date range (see FindRange) anchors a position. Its title
// and employer are the rest of that line and, when the section puts titles
// first, the short non-bullet lines right above it, or, when it puts dates
// first, the lines right below. A header line is split into parts at " | ",
// " — ", " - ", ", ", " at ", "@" and tabs; the part that reads most like a
// job title (a title word such as "leader", "operator", "operador",
// "atendente" at its end or start) is the title, a part beside it or on
// another line (legal forms and known employers count for it) the employer;
// places ("Sydney NSW", "São Paulo - SP") are dropped and qualifiers
// ("Receptivo", "Inbound") rejoin the title. Labelled lines ("Cargo:",
// "Empresa:", "Período:") say which is which. The lines from there to the
// next position are its description.
//
// # Dates
//
// FindRange reads "Mar 2019 – Present", "March 2019 - Jan 2021",
// "2017-2019", "2015–17", "jan/2018 - atual", "03/2016 a 12/2018",
// "01/03/2016 a 31/12/2018" (day first), "desde 2020", "since 2021",
// "2019 – até o momento", "fev. 2015 – dez. 2016", "março de 2019 até
// hoje". Present, current, to date, atual, actual, presente, hoje and the
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
