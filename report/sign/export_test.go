package sign

// Encode writes text in the font named font of page 1 of pdf, as the
// number and the date are filled in: the hex string of its codes and its
// width at size.
func Encode(pdf []byte, font, text string, size float64) (string, float64, error) {
	d, err := parse(pdf)
	if err != nil {
		return "", 0, err
	}
	p, err := d.first()
	if err != nil {
		return "", 0, err
	}
	f, err := d.face(p.dict, font)
	if err != nil {
		return "", 0, err
	}
	hex, width, _, _ := f.encode(text, size)
	return hex, width, nil
}
