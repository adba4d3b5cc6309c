package vn

import (
	"slices"
	"testing"
)

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

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Hoà Bình":         "hòa bình",
		"UỶ BAN  NHÂN DÂN": "ủy ban nhân dân",
		"Thuý, quý, Quỳnh": "thúy, quý, quỳnh",
		"hoàn thành":       "hoàn thành",
		"toạ đàm":          "tọa đàm",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOrdinaryCase(t *testing.T) {
	for in, want := range map[string]string{
		"ỦY BAN NHÂN DÂN XÃ TÂN AN":                   "Ủy ban nhân dân xã Tân An",
		"UBND HUYỆN CHỢ ĐỒN":                          "UBND huyện Chợ Đồn",
		"SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG":                 "Sở Tài nguyên và Môi trường",
		"BAN THI ĐUA - KHEN THƯỞNG":                   "Ban Thi đua - Khen thưởng",
		"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH BẮC KẠN": "Hội đồng Thi đua - Khen thưởng tỉnh Bắc Kạn",
		"BAN THƯỜNG VỤ HUYỆN ỦY CHỢ ĐỒN":              "Ban Thường vụ Huyện ủy Chợ Đồn",
		"ĐẢNG ỦY XÃ TÂN AN":                           "Đảng ủy xã Tân An",
		"TRƯỜNG THCS LÊ LỢI":                          "Trường THCS Lê Lợi",
		"CỤM THI ĐUA CÁC TỈNH TRUNG DU":               "Cụm thi đua các tỉnh trung du",
		"THƯỜNG TRỰC HĐND HUYỆN ĐỨC TRỌNG":            "Thường trực HĐND huyện Đức Trọng",
	} {
		if got := OrdinaryCase(in); got != want {
			t.Errorf("OrdinaryCase(%q) = %q, want %q", in, got, want)
		}
	}
}
