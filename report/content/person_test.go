package content

import (
	"testing"

	"github.com/hoinghi/hoinghi/report/meeting"
)

// A chair's phrase says the unit once and only what the file gives.
func TestPerson(t *testing.T) {
	for _, tc := range []struct {
		p    meeting.Person
		want string
	}{
		{meeting.Person{Name: "Lò Văn Thương", Position: "Chủ tịch UBND xã", Unit: "UBND xã Mường So"}, "đồng chí Lò Văn Thương, Chủ tịch UBND xã Mường So"},
		{meeting.Person{Position: "Chủ tịch Ủy ban nhân dân xã", Unit: "UBND xã Tân An"}, "đồng chí Chủ tịch Ủy ban nhân dân xã Tân An"},
		{meeting.Person{Name: "Phạm Duy Hưng", Position: "Phó Chủ tịch UBND tỉnh Bắc Kạn", Unit: "UBND tỉnh Bắc Kạn", Role: "Cụm trưởng"}, "đồng chí Phạm Duy Hưng, Phó Chủ tịch UBND tỉnh Bắc Kạn (Cụm trưởng)"},
		{meeting.Person{Name: "Đinh Văn Khải", Position: "Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh", Unit: "UBND tỉnh Quảng Ngãi"}, "đồng chí Đinh Văn Khải, Chủ tịch UBND tỉnh Quảng Ngãi, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh"},
		{meeting.Person{Name: "Ngô Thị Huyền", Position: "Hiệu trưởng", Unit: "Trường THCS Thị trấn Vôi"}, "đồng chí Ngô Thị Huyền, Hiệu trưởng Trường THCS Thị trấn Vôi"},
		{meeting.Person{Honorific: "Ông", Name: "Kim Sung Ho", Position: "Phó Thị trưởng thành phố Gimhae", Unit: "Thành phố Gimhae (Hàn Quốc)"}, "ông Kim Sung Ho, Phó Thị trưởng thành phố Gimhae"},
		{meeting.Person{Name: "Lê Văn An", Position: "Phó Trưởng đoàn", Unit: "Thành phố Gimhae"}, "đồng chí Lê Văn An, Phó Trưởng đoàn, Thành phố Gimhae"},
		{meeting.Person{Unit: "Sở Nội vụ"}, "Sở Nội vụ"},
		{meeting.Person{Name: "Lê Văn An"}, "đồng chí Lê Văn An"},
		{meeting.Person{}, ""},
	} {
		if got := person(tc.p); got != tc.want {
			t.Errorf("person(%+v)\n got %q\nwant %q", tc.p, got, tc.want)
		}
	}
}
