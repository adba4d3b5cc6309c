package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/report/excel"
	"github.com/hoinghi/hoinghi/report/meeting"
	"github.com/xuri/excelize/v2"
)

// rezip copies a zip, letting change rewrite the content of each file
// and add files after the last.
func rezip(t testing.TB, b []byte, change func(name string, data []byte) []byte, more map[string][]byte) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	put := func(name string, data []byte) {
		fw, err := w.Create(name)
		must(t, err)
		_, err = fw.Write(data)
		must(t, err)
	}
	for _, f := range z.File {
		rc, err := f.Open()
		must(t, err)
		data, err := io.ReadAll(rc)
		must(t, err)
		put(f.Name, change(f.Name, data))
	}
	for name, data := range more {
		put(name, data)
	}
	must(t, w.Close())
	return out.Bytes()
}

func same(_ string, data []byte) []byte { return data }

// refused reads b, wanting it refused with one problem whose text holds
// every one of want.
func refused(t *testing.T, b []byte, want ...string) {
	t.Helper()
	_, err := Read("hop.xlsx", b, meeting.Options{})
	if err == nil {
		t.Fatalf("read, want a refusal naming %q", want)
	}
	ps := problems(t, err)
	for _, w := range want {
		if !strings.Contains(ps.Error(), w) {
			t.Errorf("the problems do not name %q:\n%v", w, ps)
		}
	}
}

// centralHeaders returns the offsets of the central directory headers of
// a zip written by archive/zip.
func centralHeaders(b []byte) []int {
	var at []int
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("PK\x01\x02"))
		if j < 0 {
			return at
		}
		at = append(at, i+j)
		i += j + 4
	}
}

func TestHostileZip(t *testing.T) {
	b := write(t, load(t, samples(t)[0]))
	t.Run("entries", func(t *testing.T) {
		more := map[string][]byte{}
		for i := range maxEntries {
			more[fmt.Sprintf("extra/%d.xml", i)] = nil
		}
		refused(t, rezip(t, b, same, more), "hop.xlsx", "files, more than the 1,000")
	})
	t.Run("size", func(t *testing.T) {
		big := bytes.Repeat([]byte("<x/>"), (maxEntrySize+4)/4)
		refused(t, rezip(t, b, same, map[string][]byte{"xl/media/big.xml": big}), "xl/media/big.xml", "unpacks to 67,108,868 bytes")
	})
	t.Run("total", func(t *testing.T) {
		// Five stored files, each declared the size of 60 MiB.
		more := map[string][]byte{}
		for i := range 5 {
			more[fmt.Sprintf("xl/media/%d.bin", i)] = []byte("x")
		}
		o := rezip(t, b, same, more)
		cd := centralHeaders(o)
		for _, at := range cd[len(cd)-5:] {
			binary.LittleEndian.PutUint32(o[at+20:], 60<<20)
			binary.LittleEndian.PutUint32(o[at+24:], 60<<20)
		}
		refused(t, o, "unpacks to more than 268,435,456 bytes")
	})
	t.Run("ratio", func(t *testing.T) {
		refused(t, rezip(t, b, same, map[string][]byte{"xl/media/zeros.bin": make([]byte, 4<<20)}), "xl/media/zeros.bin", "times its size")
	})
	t.Run("overlap", func(t *testing.T) {
		// The second central entry points at the first local header, as
		// the overlapping zip bombs do.
		o := bytes.Clone(b)
		cd := centralHeaders(o)
		copy(o[cd[1]+42:cd[1]+46], o[cd[0]+42:cd[0]+46])
		refused(t, o, "overlap")
	})
	t.Run("directory", func(t *testing.T) {
		// The last file's compressed size reaches into the central
		// directory.
		o := bytes.Clone(b)
		cd := centralHeaders(o)
		last := cd[len(cd)-1]
		size := binary.LittleEndian.Uint32(o[last+20:])
		binary.LittleEndian.PutUint32(o[last+20:], size+64)
		refused(t, o, "overlaps its table of contents")
	})
	t.Run("declared", func(t *testing.T) {
		// The sheets are declared smaller than they unpack to.
		o := bytes.Clone(b)
		for _, at := range centralHeaders(o) {
			binary.LittleEndian.PutUint32(o[at+24:], 10)
		}
		refused(t, o, "cannot be read")
	})
}

// TestSheetLimits checks that a sheet of too many rows or cells is
// refused with its name, before excelize holds it or writes it to a
// temporary file, and that Read leaves no temporary file.
func TestSheetLimits(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	b := write(t, load(t, samples(t)[0]))
	rows := rezip(t, b, func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet6.xml" {
			return bytes.Replace(data, []byte("</sheetData>"), []byte(`<row r="1000000"><c r="B1000000" t="inlineStr"><is><t>Nguyễn Văn A</t></is></c></row></sheetData>`), 1)
		}
		return data
	}, nil)
	refused(t, rows, "Đại biểu: ", "the sheet Đại biểu has more than 20,000 rows")
	cells := edit(t, b, func(f *excelize.File) {
		for row := 2; row < 30; row++ {
			must(t, f.SetCellValue(sheetTasks, fmt.Sprintf("XFD%d", row), "x"))
		}
	})
	refused(t, cells, "Nhiệm vụ: ", "the sheet Nhiệm vụ has more than 200,000 cells")
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("Read left %d temporary files, such as %s", len(left), left[0].Name())
	}
}

// damage gives the sheet of the attendees one attribute excelize cannot
// decode, which its row iterator passes over.
func damage(t testing.TB, b []byte) []byte {
	t.Helper()
	return rezip(t, b, func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet6.xml" {
			return bytes.Replace(data, []byte(`defaultRowHeight="15"`), []byte(`defaultRowHeight="x"`), 1)
		}
		return data
	}, nil)
}

func TestDamagedSheet(t *testing.T) {
	b := damage(t, write(t, load(t, samples(t)[0])))
	refused(t, b, "Đại biểu: ", "the sheet Đại biểu is damaged")
}

// attendees is the first sample with n attendees.
func attendees(t testing.TB, n int) *meeting.Meeting {
	m, err := meeting.Load("../../samples/cum-thi-dua-2023.yaml", meeting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	one := m.Info.Attendees[0]
	m.Info.Attendees = nil
	for i := range n {
		a := one
		a.Name = fmt.Sprintf("Nguyễn Văn %d", i)
		m.Info.Attendees = append(m.Info.Attendees, a)
	}
	return m
}

// BenchmarkRead reads workbooks of 10, 100 and 1000 attendees, whole and
// with the sheet of attendees damaged: the time per attendee stays the
// same, as each sheet is decoded once.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		whole, err := Write(attendees(b, n))
		if err != nil {
			b.Fatal(err)
		}
		damaged := damage(b, whole)
		for name, data := range map[string][]byte{"whole": whole, "damaged": damaged} {
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				for b.Loop() {
					Read("hop.xlsx", data, meeting.Options{})
				}
			})
		}
	}
}

// TestHonestCells checks that a cell which would print something other
// than the clerk meant is refused at its cell: a time without a date, a
// year before 1900, a number with a sign where a count or a document
// number goes.
func TestHonestCells(t *testing.T) {
	start := infoCell(t, "meeting.start")
	invited := infoCell(t, "meeting.attendance.invited")
	for _, c := range []struct {
		name   string
		change func(f *excelize.File)
		want   string
	}{
		{"a time cell as the start", func(f *excelize.File) {
			clock, err := f.NewStyle(&excelize.Style{NumFmt: 20}) // h:mm
			must(t, err)
			must(t, f.SetCellValue(sheetInfo, start, 8.5/24))
			must(t, f.SetCellStyle(sheetInfo, start, start, clock))
		}, "Thông tin!" + start + ": meeting.start: a time of day without a date"},
		{"a time as text", func(f *excelize.File) {
			must(t, f.SetCellValue(sheetInfo, start, "8:30"))
		}, "Thông tin!" + start + ": meeting.start: a time of day without a date"},
		{"a date cell of day zero", func(f *excelize.File) {
			day, err := f.NewStyle(&excelize.Style{NumFmt: 14})
			must(t, err)
			must(t, f.SetCellValue(sheetDocuments, "C2", 0.5))
			must(t, f.SetCellStyle(sheetDocuments, "C2", "C2", day))
		}, "Văn bản!C2: documents[0].date: a time of day without a date"},
		{"a date before 1900", func(f *excelize.File) {
			must(t, f.SetCellValue(sheetDocuments, "C2", "1850-03-15"))
		}, "Văn bản!C2: documents[0].date: the year of 1850-03-15 is before 1900"},
		{"a start before 1900", func(f *excelize.File) {
			must(t, f.SetCellValue(sheetInfo, start, "15/03/1850 08:00"))
		}, "Thông tin!" + start + ": meeting.start: the year of 15/03/1850 08:00 is before 1900"},
		{"a negative document number", func(f *excelize.File) {
			must(t, f.SetCellValue(sheetDocuments, "B2", -5))
		}, "Văn bản!B2: documents[0].number: expected a positive whole number or a blank, got -5"},
		{"a document number with a plus", func(f *excelize.File) {
			must(t, f.SetCellValue(sheetDocuments, "B2", "+5"))
		}, "Văn bản!B2: documents[0].number: expected a positive whole number or a blank, got +5"},
		{"a negative count", func(f *excelize.File) {
			must(t, f.SetCellValue(sheetInfo, invited, -3))
		}, "Thông tin!" + invited + ": meeting.attendance.invited: expected a number of people"},
		{"a count with a plus", func(f *excelize.File) {
			must(t, f.SetCellValue(sheetInfo, invited, "+30"))
		}, "Thông tin!" + invited + ": meeting.attendance.invited: expected a number of people"},
	} {
		t.Run(c.name, func(t *testing.T) {
			refused(t, edit(t, write(t, full()), c.change), c.want)
		})
	}
}

// TestLongText checks that a text over what a cell of Excel holds is
// refused with its field and cell, not cut, and that one at the limit is
// written whole, as the archive's shared strings show.
func TestLongText(t *testing.T) {
	over := strings.Repeat("ạ", excel.MaxCellText+1)
	m := full()
	m.Info.Title = over
	m.Info.Attendees[1].Name = over
	m.Conclusions[0] = over
	m.Results.Table.Rows[1][2] = meeting.Cell{Raw: over}
	_, err := Write(m)
	ps := problems(t, err)
	var got []string
	for _, p := range ps {
		got = append(got, p.Cell+" "+p.Path)
	}
	want := []string{
		"Thông tin!" + infoCell(t, "meeting.title") + " meeting.title",
		"Đại biểu!B3 meeting.attendees[1].name",
		"Kết luận!B2 conclusions[0]",
		"Kết quả!C3 results.table.rows[1][2]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems at\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(ps[0].Error(), "the text has 32,768 characters, more than the 32,767 a cell of Excel holds") {
		t.Errorf("message: %v", ps[0])
	}

	at := strings.Repeat("ạ", excel.MaxCellText)
	m = full()
	m.Conclusions[0] = at
	b := write(t, m)
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	rc, err := z.Open("xl/sharedStrings.xml")
	must(t, err)
	shared, err := io.ReadAll(rc)
	must(t, err)
	if !bytes.Contains(shared, []byte(">"+at+"<")) {
		t.Errorf("the conclusion of %d characters is not in the shared strings whole", excel.MaxCellText)
	}
}
