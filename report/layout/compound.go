package layout

import (
	"strings"
	"unicode"

	"github.com/hoinghi/hoinghi/report/vn"
)

// compoundWords are words of two to four syllables that agency names
// and abstracts are made of. Vietnamese writes a space between the
// syllables of a word, so a line break may fall inside one, and then the
// name misreads: "BAN THI" / "ĐUA - KHEN THƯỞNG" reads as an examination
// board. The list need not be complete: an unlisted word only breaks as
// freely as any other.
var compoundWords = []string{
	// kinds of agency and of body
	"ủy ban nhân dân", "hội đồng nhân dân", "ủy ban", "hội đồng", "văn phòng", "thanh tra",
	"trung tâm", "bệnh viện", "đại học", "cao đẳng", "trung học", "tiểu học", "mầm non", "cơ sở",
	"phổ thông", "cơ quan", "đơn vị sự nghiệp", "đơn vị", "sự nghiệp", "trực thuộc", "hành chính",
	"chỉ đạo", "chỉ huy", "thường vụ", "thường trực", "chấp hành", "chi bộ", "đảng bộ", "đảng ủy",
	"huyện ủy", "tỉnh ủy", "thành ủy", "quận ủy", "thị ủy", "công đoàn", "liên đoàn", "mặt trận",
	"tổ quốc", "doanh nghiệp", "công ty", "hợp tác xã",
	// what they deal with
	"thi đua", "khen thưởng", "kinh tế", "kỹ thuật", "xã hội", "nhân dân", "nhân văn", "văn hóa",
	"thể thao", "du lịch", "giáo dục", "đào tạo", "tài chính", "kế hoạch", "đầu tư", "nội vụ",
	"ngoại vụ", "tư pháp", "công thương", "xây dựng", "giao thông", "vận tải", "nông nghiệp",
	"phát triển", "nông thôn", "tài nguyên", "môi trường", "khoa học", "công nghệ", "thông tin",
	"truyền thông", "lao động", "thương binh", "y tế", "dân tộc", "tôn giáo", "dân số", "gia đình",
	"trẻ em", "thủy lợi", "an ninh", "quốc phòng", "quân sự", "công an", "biên phòng", "hải quan",
	"thống kê", "kho bạc", "bảo hiểm", "ngân hàng", "chính sách", "dịch vụ", "quốc gia",
	"kiểm tra", "tuyên giáo", "dân vận", "tổ chức", "khuyến học", "nghệ thuật", "di sản",
	"bảo tàng", "thư viện",
	// whom they gather
	"thanh niên", "cộng sản", "hồ chí minh", "phụ nữ", "nông dân", "cựu chiến binh",
	// where they are
	"thành phố", "thị xã", "thị trấn", "trung ương", "việt nam", "trung du", "miền núi",
	"đồng bằng", "duyên hải", "tây nguyên", "cửu long", "phía bắc", "phía nam", "miền bắc",
	"miền trung", "miền nam",
	// what abstracts say of them
	"hội nghị", "tổng kết", "sơ kết", "công tác", "nhiệm vụ", "triển khai", "thực hiện",
	"kết quả", "kết luận", "phong trào", "năm học", "hoạt động", "chào mừng", "kỷ niệm",
	"hướng dẫn", "đánh giá", "tình hình", "chương trình", "quy chế", "ban hành", "thành lập",
	"đại hội", "đại biểu", "đồng chí", "chủ trì", "chấm điểm", "xếp hạng", "giao ước", "ký kết",
	"đề nghị", "bằng khen", "cờ thi đua", "thủ tướng", "chính phủ", "tập thể", "cá nhân",
}

// compounds holds compoundWords folded (see vn.Fold), by syllable, the
// last ones empty in a shorter word: an array key looks up without
// building a string.
var compounds = func() map[[4]string]bool {
	m := make(map[[4]string]bool, len(compoundWords))
	for _, s := range compoundWords {
		var k [4]string
		copy(k[:], strings.Fields(vn.Fold(s)))
		m[k] = true
	}
	return m
}()

// plurals mark the noun after them and belong on its line: "KHỐI THI
// ĐUA" / "CÁC SỞ, NGÀNH", never "KHỐI THI ĐUA CÁC" / "SỞ, NGÀNH".
var plurals = map[string]bool{"các": true, "những": true}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// bind marks the words that a line break before would part from the
// word before them, inside a compound or after a plural marker, for
// balanced to avoid; punctuation between two words parts them anyway.
// It returns ws.
func bind(ws []word) []word {
	// prev holds the syllables before ws[i], folded, the nearest last;
	// punctuation empties it.
	var prev [3]string
	for i := range ws {
		s := vn.Fold(ws[i].text())
		head := strings.TrimLeftFunc(s, notLetter)
		syl := strings.TrimRightFunc(head, notLetter)
		if head != s {
			prev = [3]string{}
		}
		if syl != "" && plurals[prev[2]] {
			ws[i].bound = true
		}
		// A compound of n+1 syllables ends with syl.
		for n := 1; n <= len(prev) && syl != "" && prev[len(prev)-n] != ""; n++ {
			var k [4]string
			copy(k[:], prev[len(prev)-n:])
			k[n] = syl
			if compounds[k] {
				for j := i - n + 1; j <= i; j++ {
					ws[j].bound = true
				}
			}
		}
		prev = [3]string{prev[1], prev[2], syl}
		if syl != head {
			prev = [3]string{}
		}
	}
	return ws
}
