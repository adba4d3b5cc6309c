package meeting

import "testing"

// TestWrittenText: numbers, dates and cells keep the text the clerk wrote,
// where a YAML decoder would turn 010 into 8 and 1.230 into 1.23.
func TestWrittenText(t *testing.T) {
	src := "issuer: {name: X}\nmeeting: {title: T}\ndocuments:\n  - {kind: thong-bao, number: 010, date: 2023-07-28}\n" +
		"results:\n  table:\n    columns: [a, b, c, d]\n    rows:\n      - [1.230, 0012, \"95,5\", 1_000]\n"
	m, err := Parse("hop.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Documents[0].Number != "010" || m.Documents[0].Date.Raw != "2023-07-28" {
		t.Errorf("number %q, date %q; want 010 and 2023-07-28", m.Documents[0].Number, m.Documents[0].Date.Raw)
	}
	var cells []string
	for _, c := range m.Results.Table.Rows[0] {
		cells = append(cells, c.Raw)
	}
	if want := []string{"1.230", "0012", "95,5", "1_000"}; len(cells) != 4 || cells[0] != want[0] || cells[1] != want[1] || cells[2] != want[2] || cells[3] != want[3] {
		t.Errorf("cells %q, want %q", cells, want)
	}
}
