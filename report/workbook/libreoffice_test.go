package workbook

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoinghi/hoinghi/internal/testtool"
	"github.com/hoinghi/hoinghi/report/lang"
	"github.com/hoinghi/hoinghi/report/meeting"
)

// resave opens each workbook in LibreOffice and saves it as .xlsx into
// outDir, as a clerk who edits the workbook in LibreOffice saves it.
func resave(t *testing.T, outDir string, files ...string) {
	t.Helper()
	testtool.Soffice(t, t.TempDir(), outDir, "xlsx:Calc MS Excel 2007 XML", files...)
}

// TestLibreOffice reads workbooks that LibreOffice saved: every sample
// comes back as written, the blank workbook as blank, and the drop-down
// lists survive the save.
func TestLibreOffice(t *testing.T) {
	testtool.Path(t, "soffice")
	in, out := t.TempDir(), t.TempDir()
	want := map[string]*meeting.Meeting{"blank.xlsx": nil, "full.xlsx": canonical(full())}
	books := map[string][]byte{"blank.xlsx": write(t, nil), "full.xlsx": write(t, full())}
	for _, path := range samples(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml") + ".xlsx"
		books[name] = write(t, load(t, path))
		want[name] = canonical(load(t, path))
	}
	var paths []string
	for name, b := range books {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	resave(t, out, paths...)

	for name, m := range want {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatalf("LibreOffice did not save the workbook: %v", err)
			}
			if m == nil {
				_, err := Read(name, b, meeting.Options{})
				want := name + ": Thông tin!B4: issuer.name: thiếu tên cơ quan ban hành\n" +
					name + ": Thông tin!" + infoCell(t, "meeting.title") + ": meeting.title: thiếu tên hội nghị"
				if got := problems(t, err).In(lang.Vietnamese); got != want {
					t.Errorf("problems of the blank workbook saved by LibreOffice:\n%s\nwant:\n%s", got, want)
				}
				return
			}
			sameMeeting(t, read(t, name, b), m)

			p := parts(t, b)
			for _, l := range []struct{ sheet, list string }{
				{sheetDocuments, `"thong-bao,bao-cao,bien-ban"`},
				{sheetAttendees, "DanhSachDonVi"},
				{sheetAttendees, `"Có mặt,Vắng"`},
				{sheetTasks, `"` + strings.Join(meeting.TaskStatuses, ",") + `"`},
			} {
				x := sheetOf(t, p, l.sheet)
				if !regexp.MustCompile(`<dataValidation [^>]*type="list"[^>]*>\s*<formula1>` + regexp.QuoteMeta(l.list) + `</formula1>`).MatchString(x) {
					t.Errorf("LibreOffice lost the list %s of %s:\n%s", l.list, l.sheet, regexp.MustCompile(`<dataValidations.*</dataValidations>`).FindString(x))
				}
			}
		})
	}
}

// sheetOf returns the XML of a sheet by name, through the workbook's
// relationships, since LibreOffice numbers the parts its own way.
func sheetOf(t *testing.T, p map[string]string, name string) string {
	t.Helper()
	id := regexp.MustCompile(`<sheet name="` + regexp.QuoteMeta(name) + `"[^>]*r:id="([^"]+)"`).FindStringSubmatch(p["xl/workbook.xml"])
	if id == nil {
		t.Fatalf("no sheet %s in the workbook", name)
	}
	target := regexp.MustCompile(`<Relationship [^>]*Id="` + id[1] + `"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="` + id[1] + `"`).
		FindStringSubmatch(p["xl/_rels/workbook.xml.rels"])
	if target == nil {
		t.Fatalf("no part for sheet %s", name)
	}
	part := target[1] + target[2]
	return p["xl/"+strings.TrimPrefix(part, "/xl/")]
}
