package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

var (
	benchOnce sync.Once
	benchBook []byte
)

// benchWorkbook is a sheet of 20,000 job ads written by excelize: an id,
// a title, a description, a number.
func benchWorkbook(b *testing.B) []byte {
	benchOnce.Do(func() {
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		for i := 1; i <= 20000; i++ {
			cell, _ := excelize.CoordinatesToCellName(1, i)
			row := []any{i, fmt.Sprintf("Call Centre Team Leader %d", i%500), fmt.Sprintf("Leads a team of %d agents answering calls about accounts and billing", i%40), float64(i) / 7}
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			b.Fatal(err)
		}
		benchBook = buf.Bytes()
	})
	return benchBook
}

func BenchmarkReadSheet(b *testing.B) {
	data := benchWorkbook(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := readEverything(data, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSheetExcelize is the same with excelize's row iterator, for
// comparison.
func BenchmarkReadSheetExcelize(b *testing.B) {
	data := benchWorkbook(b)
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		it, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		for it.Next() {
			if _, err := it.Columns(); err != nil {
				b.Fatal(err)
			}
		}
		it.Close()
		f.Close()
	}
}

func BenchmarkWrite(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		w, err := NewWriter(io.Discard, "anzsco")
		if err != nil {
			b.Fatal(err)
		}
		for i := 1; i <= 20000; i++ {
			w.WriteRow([]Cell{Text("541111"), Text("Call or Contact Centre Team Leader"), Number(0.87), Text("Leads a team of agents")})
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSheetDates reads 20,000 rows of an id, a title and a date
// (numFmt 14) with and without Options.Dates: the cost of reading the
// styles and showing the dates.
func BenchmarkReadSheetDates(b *testing.B) {
	f := excelize.NewFile()
	defer f.Close()
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		b.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; i <= 20000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		row := []any{i, fmt.Sprintf("Call Centre Team Leader %d", i%500), excelize.Cell{StyleID: date, Value: 45000 + i%700}}
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, dates := range []bool{false, true} {
		b.Run(fmt.Sprintf("Dates=%v", dates), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w, err := Open(bytes.NewReader(data), int64(len(data)), DefaultLimits())
				if err != nil {
					b.Fatal(err)
				}
				rows, err := w.Sheet("Sheet1", Options{General: true, Dates: dates})
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
					_ = rows.Cells()
				}
				if err := rows.Err(); err != nil {
					b.Fatal(err)
				}
				w.Close()
			}
		})
	}
}
