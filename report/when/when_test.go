package when

import (
	"strings"
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	for _, tc := range []struct{ in, words, iso string }{
		{"2023-07-28", "ngày 28 tháng 7 năm 2023", "2023-07-28"},
		{"28/07/2023", "ngày 28 tháng 7 năm 2023", "2023-07-28"},
		{"5/1/2020", "ngày 05 tháng 01 năm 2020", "2020-01-05"},
		{"2024-02-03", "ngày 03 tháng 02 năm 2024", "2024-02-03"},
		{"2024-10-09", "ngày 09 tháng 10 năm 2024", "2024-10-09"},
		{"2024-11", "ngày …… tháng 11 năm 2024", "2024-11"},
		{"11/2024", "ngày …… tháng 11 năm 2024", "2024-11"},
		{"", "ngày …… tháng …… năm ……", ""},
	} {
		d, err := ParseDate(tc.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tc.in, err)
			continue
		}
		if d.Words() != tc.words || d.String() != tc.iso {
			t.Errorf("ParseDate(%q) = %q, %q; want %q, %q", tc.in, d.Words(), d.String(), tc.words, tc.iso)
		}
	}
	for _, tc := range []struct{ in, msg string }{
		{"2023-02-30", "expected a date that exists"},
		{"30/12/1899", "before 1900"},
		{"1899-12-30", "before 1900"},
		{"8:30", "without a date"},
		{"2023-13", "expected a date"},
		{"12/3", "expected a date"},
		{"hôm qua", "expected a date"},
	} {
		if _, err := ParseDate(tc.in); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseDate(%q) = %v, want an error saying %q", tc.in, err, tc.msg)
		}
	}
	if got := DateLine("", Date{}); got != "……, ngày …… tháng …… năm ……" {
		t.Errorf("DateLine of nothing = %q", got)
	}
}

func TestMoment(t *testing.T) {
	for _, tc := range []struct{ in, words, iso string }{
		{"2023-07-28 08:00", "08 giờ 00 phút, ngày 28 tháng 7 năm 2023", "2023-07-28 08:00"},
		{"2023-07-28T14:05", "14 giờ 05 phút, ngày 28 tháng 7 năm 2023", "2023-07-28 14:05"},
		{"2023-07-28T14:05:00", "14 giờ 05 phút, ngày 28 tháng 7 năm 2023", "2023-07-28 14:05"},
		{"28/7/2023 8:30", "08 giờ 30 phút, ngày 28 tháng 7 năm 2023", "2023-07-28 08:30"},
		{"8h30 28/7/2023", "08 giờ 30 phút, ngày 28 tháng 7 năm 2023", "2023-07-28 08:30"},
		{"2023-07-28", "ngày 28 tháng 7 năm 2023", "2023-07-28"},
		{"2025-03-12 sáng", "sáng ngày 12 tháng 3 năm 2025", "2025-03-12 sáng"},
		{"sáng ngày 12/3/2025", "sáng ngày 12 tháng 3 năm 2025", "2025-03-12 sáng"},
		{"Chiều 12/03/2025", "chiều ngày 12 tháng 3 năm 2025", "2025-03-12 chiều"},
		{"Tối 12/03/2025", "tối ngày 12 tháng 3 năm 2025", "2025-03-12 tối"},
		{"", "…… giờ …… phút, ngày …… tháng …… năm ……", ""},
	} {
		m, err := ParseMoment(tc.in)
		if err != nil {
			t.Errorf("ParseMoment(%q): %v", tc.in, err)
			continue
		}
		if m.Words() != tc.words || m.String() != tc.iso {
			t.Errorf("ParseMoment(%q) = %q, %q; want %q, %q", tc.in, m.Words(), m.String(), tc.words, tc.iso)
		}
	}
	for _, tc := range []struct{ in, msg string }{
		{"8:30", "without a date"},
		{"sáng", "without a date"},
		{"1899-12-30 08:30", "before 1900"},
		{"2023-07-28 25:00", "expected a date with a time"},
		{"2023-07-28 08:00 sáng", "expected a date with a time"},
		{"2023-07 08:00", "needs the day"},
		{"sáng 12/3", "expected a date with a time"},
	} {
		if _, err := ParseMoment(tc.in); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseMoment(%q) = %v, want an error saying %q", tc.in, err, tc.msg)
		}
	}
}

func TestDays(t *testing.T) {
	m := func(s string) Moment {
		v, err := ParseMoment(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct{ start, end, want string }{
		{"2023-07-28 08:00", "2023-07-28 11:30", "ngày 28 tháng 7 năm 2023"},
		{"2023-07-28 08:00", "", "ngày 28 tháng 7 năm 2023"},
		{"2024-10-15 08:00", "2024-10-16 11:30", "ngày 15 và 16 tháng 10 năm 2024"},
		{"2024-10-15", "2024-10-17", "từ ngày 15 đến ngày 17 tháng 10 năm 2024"},
		{"2024-10-31", "2024-11-01", "ngày 31 tháng 10 và ngày 01 tháng 11 năm 2024"},
		{"2024-12-31", "2025-01-01", "ngày 31 tháng 12 năm 2024 và ngày 01 tháng 01 năm 2025"},
		{"2025-03-12 sáng", "", "sáng ngày 12 tháng 3 năm 2025"},
		{"", "", "ngày …… tháng …… năm ……"},
	} {
		if got := Days(m(tc.start), m(tc.end)); got != tc.want {
			t.Errorf("Days(%q, %q) = %q, want %q", tc.start, tc.end, got, tc.want)
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2023-H1", "6 tháng đầu năm 2023"},
		{"2023-h2", "6 tháng cuối năm 2023"},
		{"2025-Q2", "quý II năm 2025"},
		{"2023-07", "tháng 7 năm 2023"},
		{"2023-9M", "9 tháng đầu năm 2023"},
		{"2023", "năm 2023"},
		{"2023-2024", "năm học 2023 - 2024"},
		{"2021-2025", "giai đoạn 2021 - 2025"},
		{"2024-05-01/2024-08-31", "từ ngày 01 tháng 5 đến ngày 31 tháng 8 năm 2024"},
		{"quý II năm 2025", "quý II năm 2025"},
		{"Quý 2 năm 2025", "quý II năm 2025"},
		{"năm học 2024 - 2025", "năm học 2024 - 2025"},
		{"giai đoạn 2021-2025", "giai đoạn 2021 - 2025"},
		{"6 tháng đầu năm 2024", "6 tháng đầu năm 2024"},
		{"tháng 9 năm 2024", "tháng 9 năm 2024"},
		{"2024; 2021-2025", "năm 2024 và giai đoạn 2021 - 2025"},
		{"đợt thi đua cao điểm chào mừng Đại hội", "đợt thi đua cao điểm chào mừng Đại hội"},
		{"đợt 1 từ 01/5/2024 đến 31/8/2024", "đợt 1 từ ngày 01 tháng 5 đến ngày 31 tháng 8 năm 2024"},
		{"không", ""},
	} {
		p, err := ParsePeriod(tc.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tc.in, err)
			continue
		}
		if got := p.Words(); got != tc.want {
			t.Errorf("ParsePeriod(%q).Words() = %q, want %q", tc.in, got, tc.want)
		}
	}
	if p, _ := ParsePeriod("không"); !p.None || p.IsZero() {
		t.Errorf("không: %+v, want None", p)
	}
	for _, bad := range []string{"2023-H3", "2023-13", "2023-Q5", "23", "2025-2023", "1850", "2024-08-31/2024-05-01"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted a bad period", bad)
		}
	}
}

func TestFind(t *testing.T) {
	for _, tc := range []struct{ title, review, next string }{
		{"Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023"},
		{"Hội nghị tổng kết năm học 2023 - 2024", "năm học 2023 - 2024", ""},
		{"Phiên họp thường kỳ tháng 9 năm 2024 của UBND xã Tân An", "tháng 9 năm 2024", ""},
		{"Hội nghị tổng kết công tác năm 2024, phương hướng, nhiệm vụ năm 2025", "năm 2024", "năm 2025"},
		{"Hội nghị sơ kết quý II năm 2025", "quý II năm 2025", ""},
		{"Hội nghị tổng kết năm 2024 và giai đoạn 2021 - 2025", "năm 2024 và giai đoạn 2021 - 2025", ""},
		{"Hội nghị ngày 28 tháng 7", "", ""},
		{"Tọa đàm về chuyển đổi số", "", ""},
	} {
		r, n := Find(tc.title)
		if r.Words() != tc.review || n.Words() != tc.next {
			t.Errorf("Find(%q) = %q, %q; want %q, %q", tc.title, r.Words(), n.Words(), tc.review, tc.next)
		}
	}
}

func TestOf(t *testing.T) {
	at := time.Date(2023, 7, 28, 8, 5, 0, 0, time.UTC)
	for _, tc := range []struct {
		m            Moment
		iso, numeric string
	}{
		{Of(at, true, true), "2023-07-28 08:05", "28/07/2023 08:05"},
		{Of(at, false, true), "2023-07-28", "28/07/2023"},
		{Of(at, false, false), "2023-07", "07/2023"},
		{Of(time.Date(1899, 12, 30, 8, 30, 0, 0, time.UTC), true, false), "08:30", "08:30"},
	} {
		if tc.m.String() != tc.iso || tc.m.Numeric() != tc.numeric {
			t.Errorf("%+v: %q, %q; want %q, %q", tc.m, tc.m.String(), tc.m.Numeric(), tc.iso, tc.numeric)
		}
	}
}

// TestStamp: the document's date, else the meeting's, else the epoch,
// else the fixed day.
func TestStamp(t *testing.T) {
	doc, _ := ParseDate("2023-07-31")
	start, _ := ParseMoment("2023-07-28 08:00")
	epoch := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		doc   Date
		start Moment
		epoch *time.Time
		want  time.Time
	}{
		{doc, start, &epoch, time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC)},
		{Date{}, start, &epoch, time.Date(2023, 7, 28, 8, 0, 0, 0, time.UTC)},
		{Date{}, Moment{}, &epoch, epoch},
		{Date{}, Moment{}, nil, Fixed},
	} {
		if got := Stamp(tc.doc, tc.start, tc.epoch); !got.Equal(tc.want) {
			t.Errorf("Stamp(%v, %v, %v) = %v, want %v", tc.doc, tc.start, tc.epoch, got, tc.want)
		}
	}
}
