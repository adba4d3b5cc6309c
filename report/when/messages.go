package when

import "github.com/hoinghi/hoinghi/report/lang"

func init() {
	lang.Register(map[string]string{
		"a time of day without a date: write the date too, such as 2023-07-28 08:00 or 28/07/2023 08:00":                     "có giờ mà không có ngày: hãy ghi cả ngày, như 2023-07-28 08:00 hoặc 28/07/2023 08:00",
		"a time of day without a date: write the date, such as 2023-07-28 or 28/07/2023":                                     "có giờ mà không có ngày: hãy ghi ngày, như 2023-07-28 hoặc 28/07/2023",
		"a time of day needs the day too, got %s":                                                                            "có giờ thì cần ghi cả ngày trong tháng, nhận được %s",
		"expected a date with a time, such as 2023-07-28 08:00, a session, such as 2025-03-12 sáng, or a date alone, got %s": "cần ngày giờ như 2023-07-28 08:00, buổi trong ngày như 2025-03-12 sáng, hoặc chỉ ngày, nhận được %s",
		"expected a date that exists, such as 2023-07-28 or 28/07/2023 (or a month, 2023-07), got %s":                        "cần một ngày có thật, như 2023-07-28 hoặc 28/07/2023 (hoặc một tháng, 2023-07), nhận được %s",
		"the year of %s is before %s: write the year in full, such as 2023":                                                  "năm của %s trước năm %s: hãy ghi đủ bốn chữ số của năm, như 2023",
		"expected a period such as %s, got %s":                                                                               "cần một kỳ như %s, nhận được %s",
		"the period ends before it starts: %s":                                                                               "kỳ kết thúc trước khi bắt đầu: %s",
		periodForms:                                                                                                          "2023-H1, 2023-Q3, 2023-07, 2023-9M, 2023, 2023-2024 (năm học), 2021-2025 (giai đoạn), 2024-05-01/2024-08-31, hoặc bằng chữ như quý II năm 2025",
	})
}
