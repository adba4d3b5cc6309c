// Package synth makes synthetic but realistic meetings, for benchmarks and
// for tests of batches: Vietnamese names with every vowel and tone mark,
// units of a province, results tables and tasks of varied sizes. The same
// seed always gives the same meetings.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/hoinghi/hoinghi/report/meeting"
)

var (
	families  = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Triệu", "Ông", "Ưng", "Âu"}
	middles   = []string{"Văn", "Thị", "Đức", "Minh", "Ngọc", "Quốc", "Hữu", "Thị Thanh", "Xuân", "Thu", "Bảo", "Khắc", "Đình", "Thế", "Mỹ", "Diệu"}
	givens    = []string{"An", "Ánh", "Ăn", "Ân", "Bình", "Cường", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hằng", "Hương", "Khải", "Lụa", "Mẫn", "Nghĩa", "Oanh", "Ổn", "Phượng", "Quỳnh", "Sơn", "Thủy", "Tuyết", "Uyên", "Ưng", "Việt", "Xoan", "Yến", "Ỷ", "Ngữ", "Hỹ", "Thụy", "Ọc", "Thẳng", "Ẵm", "Ẩn", "Huè", "Kẻ", "Nhẽ", "Mẹ", "Thỏ", "Vỵ"}
	provinces = []string{"Bắc Kạn", "Tuyên Quang", "Phú Thọ", "Thái Nguyên", "Bắc Giang", "Hòa Bình", "Yên Bái", "Lào Cai", "Hà Giang", "Cao Bằng", "Lạng Sơn", "Sơn La", "Điện Biên", "Lai Châu", "Quảng Ninh"}
	agencies  = []string{"Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Ban Thi đua - Khen thưởng", "Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tư pháp"}
	positions = []string{"Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên chính", "Chánh Văn phòng", "Trưởng ban Thi đua - Khen thưởng", "Phó Trưởng ban"}
	tasks     = []string{"Hoàn thiện báo cáo sơ kết, gửi Ban Thi đua - Khen thưởng", "Tổ chức kiểm tra chéo công tác thi đua, khen thưởng giữa các đơn vị", "Tuyên truyền, nhân rộng điển hình tiên tiến trên cổng thông tin điện tử", "Rà soát hồ sơ đề nghị khen thưởng cho người trực tiếp lao động, sản xuất", "Xây dựng tiêu chí chấm điểm, bình xét thi đua cuối năm", "Tổ chức hội nghị tổng kết, suy tôn đơn vị dẫn đầu"}
	statuses  = meeting.TaskStatuses
)

// Meetings returns n meetings made from seed.
func Meetings(seed uint64, n int) []*meeting.Meeting {
	rng := rand.New(rand.NewPCG(seed, 0x686f696e676869))
	out := make([]*meeting.Meeting, n)
	for i := range out {
		out[i] = one(rng, i)
	}
	return out
}

// YAML writes a meeting as a meeting file.
func YAML(m *meeting.Meeting) ([]byte, error) {
	body, err := yaml.MarshalWithOptions(m, yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, err
	}
	return append([]byte("# Cuộc họp giả lập của hoinghi sample (a synthetic meeting).\n"), body...), nil
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

func name(rng *rand.Rand) string {
	return pick(rng, families) + " " + pick(rng, middles) + " " + pick(rng, givens)
}

func one(rng *rand.Rand, i int) *meeting.Meeting {
	province := pick(rng, provinces)
	month := 1 + rng.IntN(12)
	day := 1 + rng.IntN(28)
	date := fmt.Sprintf("2025-%02d-%02d", month, day)
	units := make([]string, 4+rng.IntN(10))
	for j := range units {
		units[j] = fmt.Sprintf("%s tỉnh %s", agencies[j%len(agencies)], pick(rng, provinces))
		if j >= len(agencies) {
			units[j] = fmt.Sprintf("UBND huyện số %d tỉnh %s", j, province)
		}
	}
	chair := meeting.Person{Name: name(rng), Position: "Phó Chủ tịch UBND tỉnh " + province, Role: "Cụm trưởng"}
	m := &meeting.Meeting{
		Issuer: meeting.Issuer{Parent: "UBND TỈNH " + strings.ToUpper(province), Name: fmt.Sprintf("CỤM THI ĐUA SỐ %d", 1+i%9), Code: "CTĐ", Place: province},
		Documents: []meeting.Document{{
			Kind: "thong-bao", Number: meeting.DocNumber(fmt.Sprint(1 + i%120)), Date: meeting.Date{Raw: date},
			Recipients: []string{"Ban Thi đua - Khen thưởng tỉnh (b/c)", "Các đơn vị thành viên Cụm"},
			Archive:    "VT, CTĐ",
			Signer:     meeting.Signer{Titles: []string{"TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "PHÓ CHỦ TỊCH UBND TỈNH " + strings.ToUpper(province)}, Name: chair.Name},
		}},
		Info: meeting.Info{
			Title:     fmt.Sprintf("Hội nghị sơ kết công tác thi đua, khen thưởng tháng %d năm 2025 của Cụm thi đua số %d", month, 1+i%9),
			Start:     meeting.DateTime{Raw: date + " 08:00"},
			End:       meeting.DateTime{Raw: date + " 11:30"},
			Venue:     "Hội trường UBND tỉnh " + province,
			Period:    meeting.Period{Raw: fmt.Sprintf("2025-%02d", month)},
			Organizer: fmt.Sprintf("Cụm thi đua số %d", 1+i%9),
			Chairs:    []meeting.Person{chair},
			Secretary: meeting.Person{Name: name(rng), Position: "Chuyên viên", Unit: units[0]},
			Units:     units,
		},
	}
	for range 10 + rng.IntN(50) {
		a := meeting.Attendee{Name: name(rng), Position: pick(rng, positions), Unit: pick(rng, units)}
		if rng.IntN(10) == 0 {
			a.Absent, a.Note = true, "Vắng có lý do"
		}
		m.Info.Attendees = append(m.Info.Attendees, a)
	}
	m.Results.Summary = []string{
		fmt.Sprintf("Trong tháng %d, phong trào thi đua yêu nước của các đơn vị trong Cụm được triển khai **sâu rộng**, gắn với nhiệm vụ chính trị của từng đơn vị.", month),
		"Công tác khen thưởng được thực hiện kịp thời, đúng quy định; nhiều điển hình tiên tiến được phát hiện, bồi dưỡng và nhân rộng.",
	}
	m.Results.Strengths = []string{"Các đơn vị chủ động xây dựng kế hoạch, phát động phong trào thi đua theo chuyên đề."}
	m.Results.Limitations = []string{"Một số phong trào còn hình thức, chưa có tiêu chí cụ thể để đánh giá kết quả."}
	m.Results.Table = meeting.Table{Columns: []string{"STT", "Đơn vị", "Tập thể được khen", "Cá nhân được khen", "Sáng kiến"}}
	for j, u := range units[:min(len(units), 3+rng.IntN(12))] {
		m.Results.Table.Rows = append(m.Results.Table.Rows, []meeting.Cell{{Raw: fmt.Sprint(j + 1)}, {Raw: u}, {Raw: fmt.Sprint(rng.IntN(400))}, {Raw: fmt.Sprintf("%d.%03d", rng.IntN(3), rng.IntN(1000))}, {Raw: fmt.Sprint(rng.IntN(90))}})
	}
	m.Conclusions = []string{"Hội nghị thống nhất đánh giá cao kết quả đạt được và đề nghị các đơn vị tiếp tục đổi mới nội dung, hình thức tổ chức phong trào thi đua."}
	for j := range 3 + rng.IntN(8) {
		m.Tasks = append(m.Tasks, meeting.Task{
			Content:  pick(rng, tasks),
			Lead:     units[j%len(units)],
			Support:  []string{units[(j+1)%len(units)]},
			Deadline: meeting.Date{Raw: fmt.Sprintf("2025-12-%02d", 1+rng.IntN(28))},
			Status:   pick(rng, statuses),
		})
	}
	return m
}
