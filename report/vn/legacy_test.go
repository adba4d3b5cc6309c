package vn

import "testing"

func TestLegacy(t *testing.T) {
	for _, tc := range []struct {
		in   string
		enc  Legacy
		want string
	}{
		{"Héi nghÞ s¬ kÕt c«ng t¸c thi ®ua", TCVN3, "Hội nghị sơ kết công tác thi đua"},
		{"Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"},
		{"§éc lËp - Tù do - H¹nh phóc", TCVN3, "Độc lập - Tự do - Hạnh phúc"},
		{"Lª V¨n A", TCVN3, "Lê Văn A"},
		{"Hoäi nghò sô keát coâng taùc thi ñua", VNI, "Hội nghị sơ kết công tác thi đua"},
		{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{"Ñoäc laäp - Töï do - Haïnh phuùc", VNI, "Độc lập - Tự do - Hạnh phúc"},
		{"Nguyeãn Thò Hoàng", VNI, "Nguyễn Thị Hồng"},
		{"Ñaëng Vaên Quyù, kyõ thuaät", VNI, "Đặng Văn Quý, kỹ thuật"},
	} {
		if g := Guess(tc.in); g != tc.enc {
			t.Errorf("Guess(%q) = %v, want %v", tc.in, g, tc.enc)
		}
		if got := Decode(tc.in, tc.enc); got != tc.want {
			t.Errorf("Decode(%q, %v) = %q, want %q", tc.in, tc.enc, got, tc.want)
		}
	}
	// Unicode text, foreign names and symbols are left alone.
	for _, s := range []string{
		"Hội nghị sơ kết", "Tân Hoà, Hoà An, hoá chất", "François Müller", "Émile Zoé",
		"Zoë Noël", "© 2024", "«Tên»", "25°C", "José Ñúñez", "Hà Nội", "Phòng Giáo dục",
		"Jürgen Schröder", "Ø Ærø", "Quyết", "xuân, thuê, tiên, chuyên, khoẻ, quà",
		"Tiếng Việt", "Bùi Thị Xuân",
	} {
		if g := Guess(s); g != Unicode {
			t.Errorf("Guess(%q) = %v, want Unicode", s, g)
		}
	}
}
