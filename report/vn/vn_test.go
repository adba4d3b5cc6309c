package vn

import (
	"slices"
	"testing"

	"github.com/hoinghi/hoinghi/report/meeting"
)

func TestDateLine(t *testing.T) {
	for _, tc := range []struct {
		date string
		want string
	}{
		{"2023-07-28", "Tuyên Quang, ngày 28 tháng 7 năm 2023"},
		{"2020-01-05", "Tuyên Quang, ngày 05 tháng 01 năm 2020"},
		{"2024-02-03", "Tuyên Quang, ngày 03 tháng 02 năm 2024"},
		{"2024-10-09", "Tuyên Quang, ngày 09 tháng 10 năm 2024"},
		{"2024-03-31", "Tuyên Quang, ngày 31 tháng 3 năm 2024"},
		{"", "Tuyên Quang, ngày …… tháng …… năm ……"},
	} {
		d, ok := meeting.Date{Raw: tc.date}.Time()
		if got := DateLine("Tuyên Quang", d, ok); got != tc.want {
			t.Errorf("DateLine(%q) = %q, want %q", tc.date, got, tc.want)
		}
	}
}

func TestMoment(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2023-07-28 08:00", "08 giờ 00 phút, ngày 28 tháng 7 năm 2023"},
		{"2023-07-28T14:05", "14 giờ 05 phút, ngày 28 tháng 7 năm 2023"},
		{"2023-07-28", "ngày 28 tháng 7 năm 2023"},
		{"", "…… giờ ……, ngày …… tháng …… năm ……"},
	} {
		if got := Moment(meeting.DateTime{Raw: tc.in}); got != tc.want {
			t.Errorf("Moment(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct{ in, want, next string }{
		{"2023-H1", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023"},
		{"2023-H2", "6 tháng cuối năm 2023", "6 tháng đầu năm 2024"},
		{"2023-Q3", "quý III năm 2023", "quý IV năm 2023"},
		{"2023-Q4", "quý IV năm 2023", "quý I năm 2024"},
		{"2023-07", "tháng 7 năm 2023", "tháng 8 năm 2023"},
		{"2023-12", "tháng 12 năm 2023", "tháng 1 năm 2024"},
		{"2023-9M", "9 tháng đầu năm 2023", "quý IV năm 2023"},
		{"2023", "năm 2023", "năm 2024"},
		{"2023-2024", "năm học 2023 - 2024", "năm học 2024 - 2025"},
	} {
		p, ok := meeting.Period{Raw: tc.in}.Parse()
		if !ok {
			t.Fatalf("Parse(%q) failed", tc.in)
		}
		if got := Period(p); got != tc.want {
			t.Errorf("Period(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Period(p.Following()); got != tc.next {
			t.Errorf("Period(%q).Following = %q, want %q", tc.in, got, tc.next)
		}
	}
	for _, bad := range []string{"2023-H3", "2023-13", "2023-Q5", "23", "2023-2025", "abcd"} {
		if _, ok := (meeting.Period{Raw: bad}).Parse(); ok {
			t.Errorf("Parse(%q) accepted a bad period", bad)
		}
	}
}

func TestLetterRoman(t *testing.T) {
	var got []string
	for i := range 7 {
		got = append(got, Letter(i))
	}
	if want := []string{"a", "b", "c", "d", "đ", "e", "g"}; !slices.Equal(got, want) {
		t.Errorf("letters = %v, want %v", got, want)
	}
	if Letter(23) != "aa" {
		t.Errorf("Letter(23) = %q, want aa", Letter(23))
	}
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL"} {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestASCII(t *testing.T) {
	for in, want := range map[string]string{
		"Thông báo 05/TB-CTĐ":      "thong-bao-05-tb-ctd",
		"Đắk Lắk – Hòa Bình":       "dak-lak-hoa-binh",
		"  BIÊN BẢN  ":             "bien-ban",
		"Nguyễn Thị Ánh Tuyết (1)": "nguyen-thi-anh-tuyet-1",
	} {
		if got := ASCII(in); got != want {
			t.Errorf("ASCII(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSortByName(t *testing.T) {
	// Given names in Vietnamese order (reference S6), each behind a
	// family name that would sort them differently in byte order.
	want := []string{"Vũ An", "Lê Anh", "Đỗ Ánh", "Bùi Ăn", "Hà Ân", "Cao Ấn", "Trần Bình", "Phạm Dung",
		"Mai Đào", "Lý Ha", "Tô Hà", "Đinh Hả", "Kim Hã", "Hồ Há", "Ngô Hạ", "Lâm On", "Võ Ôn", "Trịnh Ơn", "Dương Uyên", "Âu Ưng"}
	got := slices.Clone(want)
	slices.Reverse(got)
	SortByName(got, func(s string) string { return s })
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v\nwant     %v", got, want)
	}
	// Same given name: family and middle names decide, Đ after D.
	pair := []string{"Đặng Văn Hùng", "Dương Văn Hùng"}
	SortByName(pair, func(s string) string { return s })
	if pair[0] != "Dương Văn Hùng" {
		t.Errorf("Đặng sorted before Dương: %v", pair)
	}
}
