package meeting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/hoinghi/hoinghi/report/diag"
	"github.com/hoinghi/hoinghi/report/internal/yamlnode"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// requiredFields lists, per struct, the keys that validate cannot do
// without. The schema's "required" must say the same, and
// TestRequiredMatchesValidate checks the list against validate itself.
var requiredFields = map[reflect.Type][]string{
	reflect.TypeFor[Meeting]():  {"issuer", "meeting"},
	reflect.TypeFor[Issuer]():   {"name"},
	reflect.TypeFor[Info]():     {"title"},
	reflect.TypeFor[Document](): {"kind"},
	reflect.TypeFor[Attendee](): {"name"},
	reflect.TypeFor[Speech]():   {"content"},
	reflect.TypeFor[Task]():     {"content"},
}

// byProfile lists the keys that validate needs but that an office
// profile (hoinghi.yaml) may give instead of the meeting file: the schema
// leaves them optional, so that an editor does not flag a meeting file
// that relies on its office's profile.
var byProfile = map[reflect.Type][]string{
	reflect.TypeFor[Meeting](): {"issuer"},
	reflect.TypeFor[Issuer]():  {"name"},
}

// schemaRequired is what the schema requires of typ: what validate needs,
// less what a profile may give.
func schemaRequired(typ reflect.Type) []string {
	var keys []string
	for _, k := range requiredFields[typ] {
		if !slices.Contains(byProfile[typ], k) {
			keys = append(keys, k)
		}
	}
	return slices.Sorted(slices.Values(keys))
}

// schemaDoc is schema.json decoded as plain maps, to walk beside the Go
// types.
type schemaDoc struct {
	root map[string]any
}

func loadSchemaDoc(t *testing.T) schemaDoc {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(Schema(), &root); err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	return schemaDoc{root}
}

// resolve follows a local "$ref" to its definition.
func (d schemaDoc) resolve(t *testing.T, node map[string]any) map[string]any {
	t.Helper()
	ref, ok := node["$ref"].(string)
	if !ok {
		return node
	}
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		t.Fatalf("unexpected $ref %q: only #/$defs/… is used", ref)
	}
	def, ok := d.root["$defs"].(map[string]any)[name].(map[string]any)
	if !ok {
		t.Fatalf("$ref %q names no definition", ref)
	}
	return d.resolve(t, def)
}

// types returns every JSON type a node accepts, through "type", "const",
// "enum" and the branches of "anyOf".
func (d schemaDoc) types(t *testing.T, node map[string]any) []string {
	t.Helper()
	node = d.resolve(t, node)
	var ts []string
	switch v := node["type"].(type) {
	case string:
		ts = append(ts, v)
	case []any:
		for _, s := range v {
			ts = append(ts, s.(string))
		}
	}
	jsonType := func(v any) string {
		switch v.(type) {
		case nil:
			return "null"
		case string:
			return "string"
		case bool:
			return "boolean"
		case float64:
			return "number"
		}
		return "object"
	}
	if c, ok := node["const"]; ok {
		ts = append(ts, jsonType(c))
	}
	if e, ok := node["enum"].([]any); ok {
		for _, v := range e {
			ts = append(ts, jsonType(v))
		}
	}
	if branches, ok := node["anyOf"].([]any); ok {
		for _, b := range branches {
			ts = append(ts, d.types(t, b.(map[string]any))...)
		}
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

// TestSchemaMatchesTypes walks the Go types by their yaml tags beside the
// schema's properties, so that a field added to one and not the other, a
// type that changed, or a required field that moved fails here instead of
// in a clerk's editor.
func TestSchemaMatchesTypes(t *testing.T) {
	d := loadSchemaDoc(t)
	d.compare(t, reflect.TypeFor[Meeting](), d.root, "")
}

func (d schemaDoc) compare(t *testing.T, typ reflect.Type, node map[string]any, path string) {
	t.Helper()
	where := path
	if where == "" {
		where = "(top)"
	}
	types := d.types(t, node)
	want := func(jsonType string) {
		if !slices.Contains(types, jsonType) {
			t.Errorf("%s: Go type %s but the schema accepts %v, not %s", where, typ, types, jsonType)
		}
	}
	switch typ.Kind() {
	case reflect.String:
		want("string")
	case reflect.Bool:
		want("boolean")
	case reflect.Slice:
		want("array")
		def := d.resolve(t, node)
		items, ok := def["items"].(map[string]any)
		if !ok {
			t.Errorf("%s: a list without \"items\"", where)
			return
		}
		d.compare(t, typ.Elem(), items, path+"[]")
	case reflect.Struct:
		if yamlFields(typ) == nil {
			// Date, DateTime, Period and Cell decode any scalar.
			want("string")
			if _, has := d.resolve(t, node)["properties"]; has {
				t.Errorf("%s: %s is a single value but the schema gives it properties", where, typ)
			}
			return
		}
		want("object")
		d.compareStruct(t, typ, d.resolve(t, node), path)
	default:
		t.Errorf("%s: Go type %s has no rule in this test", where, typ)
	}
}

func (d schemaDoc) compareStruct(t *testing.T, typ reflect.Type, def map[string]any, path string) {
	t.Helper()
	where := path
	if where == "" {
		where = "(top)"
	}
	if def["additionalProperties"] != false {
		t.Errorf("%s: additionalProperties must be false, so that a misspelt key is flagged as Load flags it", where)
	}
	props, _ := def["properties"].(map[string]any)
	fields := yamlFields(typ)
	var goOnly, schemaOnly []string
	for name := range fields {
		if _, ok := props[name]; !ok {
			goOnly = append(goOnly, name)
		}
	}
	for name := range props {
		if _, ok := fields[name]; !ok {
			schemaOnly = append(schemaOnly, name)
		}
	}
	sort.Strings(goOnly)
	sort.Strings(schemaOnly)
	if len(goOnly) > 0 {
		t.Errorf("%s: fields of %s missing from the schema: %v", where, typ, goOnly)
	}
	if len(schemaOnly) > 0 {
		t.Errorf("%s: schema properties that %s does not have: %v", where, typ, schemaOnly)
	}

	var required []string
	if r, ok := def["required"].([]any); ok {
		for _, v := range r {
			required = append(required, v.(string))
		}
	}
	sort.Strings(required)
	wantRequired := schemaRequired(typ)
	if !slices.Equal(required, wantRequired) {
		t.Errorf("%s: the schema requires %v of %s, want %v (what validate needs, less what a profile may give)", where, required, typ, wantRequired)
	}

	for name, f := range fields {
		prop, ok := props[name].(map[string]any)
		if !ok {
			continue
		}
		p := yamlnode.Join(path, name)
		// A key written with no value ("date:") decodes as the zero value,
		// which Load reads as "not known"; the schema must accept it for
		// every optional field and refuse it for a required one.
		nullable := slices.Contains(d.types(t, prop), "null")
		switch isRequired := slices.Contains(wantRequired, name); {
		case isRequired && nullable:
			t.Errorf("%s: required, so the schema must refuse null", p)
		case !isRequired && !nullable:
			t.Errorf("%s: optional, so the schema must accept null (a key with no value)", p)
		}
		if _, ok := prop["description"].(string); !ok {
			t.Errorf("%s: no description", p)
		}
		d.compare(t, f.Type, prop, p)
	}
}

// TestSchemaEnums keeps the schema's task statuses equal to TaskStatuses.
func TestSchemaEnums(t *testing.T) {
	d := loadSchemaDoc(t)
	task := d.root["$defs"].(map[string]any)["task"].(map[string]any)
	var got []string
	for _, v := range task["properties"].(map[string]any)["status"].(map[string]any)["enum"].([]any) {
		if s, ok := v.(string); ok && s != "" {
			got = append(got, s)
		}
	}
	if !slices.Equal(got, TaskStatuses) {
		t.Errorf("schema task statuses %v, want TaskStatuses %v", got, TaskStatuses)
	}
}

// minimal returns the smallest meeting with one item in every list whose
// items have required fields: only the required keys, each with a value.
func minimal(typ reflect.Type) any {
	switch typ.Kind() {
	case reflect.String:
		return "x"
	case reflect.Slice:
		if typ.Elem().Kind() != reflect.Struct {
			return nil
		}
		if item := minimal(typ.Elem()); item != nil {
			return []any{item}
		}
	case reflect.Struct:
		m := map[string]any{}
		for name, f := range yamlFields(typ) {
			if !slices.Contains(requiredFields[typ], name) && f.Type.Kind() != reflect.Slice {
				continue
			}
			if v := minimal(f.Type); v != nil {
				m[name] = v
			}
		}
		if len(m) > 0 {
			return m
		}
	}
	return nil
}

// requiredPaths lists the required keys of a minimal meeting, each with the
// parent map that holds it.
func requiredPaths(typ reflect.Type, v any, path string, visit func(path string, parent map[string]any, key string)) {
	switch typ.Kind() {
	case reflect.Slice:
		if l, ok := v.([]any); ok {
			requiredPaths(typ.Elem(), l[0], path+"[0]", visit)
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		fields := yamlFields(typ)
		for _, name := range requiredFields[typ] {
			visit(yamlnode.Join(path, name), m, name)
		}
		for name, child := range m {
			requiredPaths(fields[name].Type, child, yamlnode.Join(path, name), visit)
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("schema.json does not compile against draft 2020-12: %v", err)
	}
	return sch
}

// validateJSON checks a meeting file, YAML or JSON, against the schema.
func validateJSON(sch *jsonschema.Schema, src []byte) error {
	js, err := yaml.YAMLToJSON(src)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// TestRequiredMatchesValidate checks requiredFields against validate and
// the schema at once: a meeting holding only the required keys loads clean
// and validates, and taking away any one of them makes both Load and the
// schema refuse it.
func TestRequiredMatchesValidate(t *testing.T) {
	sch := compileSchema(t)
	typ := reflect.TypeFor[Meeting]()
	doc := minimal(typ).(map[string]any)
	src, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse("minimal.json", src, Options{}); err != nil {
		t.Fatalf("a meeting with only the required fields does not load: %v\n%s", err, src)
	}
	if err := validateJSON(sch, src); err != nil {
		t.Fatalf("a meeting with only the required fields fails the schema: %v\n%s", err, src)
	}
	n := 0
	requiredPaths(typ, doc, "", func(path string, parent map[string]any, key string) {
		n++
		saved := parent[key]
		delete(parent, key)
		defer func() { parent[key] = saved }()
		src, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse("minimal.json", src, Options{})
		ps, _ := err.(diag.List)
		if !slices.ContainsFunc(ps, func(p diag.Problem) bool { return p.Path == path || strings.HasPrefix(p.Path, path+".") }) {
			t.Errorf("without %s: Load reports %v, want a problem at %s", path, err, path)
		}
		// A key an office profile may give is optional in the schema.
		profile := path == "issuer" || path == "issuer.name" // the paths of byProfile
		if err := validateJSON(sch, src); (err == nil) != profile {
			t.Errorf("without %s: the schema says %v; want it to refuse the file unless a profile may give the key", path, err)
		}
	})
	if n < len(requiredFields) {
		t.Errorf("checked %d required keys, want at least %d", n, len(requiredFields))
	}
}

// meetingFiles lists the samples and the starter: every meeting file the
// repository ships.
func meetingFiles(t *testing.T) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "samples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 2 {
		t.Fatalf("found %d samples, want at least 2", len(paths))
	}
	files := map[string][]byte{"starter.yaml": Starter()}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.ToSlash(p)] = data
	}
	return files
}

// TestFilesMatchSchema validates every shipped meeting file with an
// independent JSON Schema validator, so that the schema does not refuse
// what Load accepts and the samples stay in the format.
func TestFilesMatchSchema(t *testing.T) {
	sch := compileSchema(t)
	files := meetingFiles(t)
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "samples", "corpus", "*.yaml"))
	for _, p := range corpus {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.ToSlash(p)] = data
	}
	for name, data := range files {
		if err := validateJSON(sch, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSchemaAgreesWithLoad gives the schema and Load the same small files,
// each one detail away from the base file, and expects the same verdict:
// the schema must catch what Load refuses, so that it is not vacuous, and
// must accept every way of writing a value that Load accepts, so that an
// editor never flags a good file.
func TestSchemaAgreesWithLoad(t *testing.T) {
	sch := compileSchema(t)
	const base = "issuer: {name: X}\nmeeting: {title: T}\n"
	for _, tc := range []struct {
		extra string
		valid bool
	}{
		{"", true},
		{"documents: [{kind: cong-van}]", true},
		{"documents: [{kind: bao-cao, number: 5, date: 28/7/2023, annex: }]", true},
		{"documents: [{kind: bao-cao, number: \"05\", date: 2023-07-28}]", true},
		{"documents: [{kind: bao-cao, number: , date: , signer: }]", true},
		{"documents: [{kind: bao-cao, number: \"\", date: \"\"}]", true},
		{"documents: [{kind: bao-cao, number: 0}]", false},
		{"documents: [{kind: bao-cao, number: số 5}]", false},
		{"documents: [{kind: bao-cao, date: 2023/07/28}]", false},
		{"documents: [{kind: \" \"}]", false},
		{"documents: [{number: 5}]", false},
		{"results: {table: {rows: []}}", true},
		{"results: {table: {columns: [a, b], rows: [[1, \"1.234\"], [2.5, ~], [\"\", x]]}}", true},
		{"results: {table: {rows: [[1]]}}", false},
		{"results: {table: {columns: [a], rows: [[[1]]]}}", false},
		{"tasks: [{content: a, status: Đã hoàn thành, deadline: 31/12/2023}]", true},
		{"tasks: [{content: a, status: , deadline: }]", true},
		{"tasks: [{content: a, status: \"\"}]", true},
		{"tasks: [{content: a, status: Xong}]", false},
		{"tasks: [{lead: A}]", false},
		{"conclusions: [a, \"**b**\"]", true},
		{"conclusions: [\"\"]", false},
		{"discussion: [{speaker: A}]", false},
		{"extra: 1", false},
	} {
		src := base + tc.extra + "\n"
		schemaErr := validateJSON(sch, []byte(src))
		_, loadErr := Parse("x.yaml", []byte(src), Options{})
		if (schemaErr == nil) != tc.valid {
			t.Errorf("the schema says %v to %q, want valid %v", schemaErr, tc.extra, tc.valid)
		}
		if (loadErr == nil) != tc.valid {
			t.Errorf("Load says %v to %q, want valid %v", loadErr, tc.extra, tc.valid)
		}
	}
	for _, m := range []struct{ key, value string }{
		{"period", "2023"}, {"period", "2023-H1"}, {"period", "2023-h2"}, {"period", "2023-Q3"},
		{"period", "2023-07"}, {"period", "2023-9M"}, {"period", "2023-2024"}, {"period", ""},
		{"next", "2024-Q1"}, {"start", "2023-07-28 08:00"}, {"start", "2023-07-28T08:00"},
		{"start", "2023-07-28T08:00:00"}, {"start", "28/7/2023 08:00"}, {"start", "08:00 28/7/2023"},
		{"start", "28/07/2023"}, {"end", "2023-07-28"}, {"start", "28/7/2023 8h"}, {"start", "2023-07-28 08h00"},
		{"start", "2025-03-12 sáng"}, {"start", "sáng 12/3/2025"}, {"start", "Chiều ngày 12/3/2025"},
		{"period", "quý II năm 2025"}, {"period", "2024; 2021-2025"}, {"period", "2021-2025"},
		{"period", "2024-05-01/2024-08-31"}, {"next", "không"}, {"period", "6 tháng đầu năm 2024"},
		{"period", "đợt thi đua cao điểm"},
	} {
		src := fmt.Sprintf("issuer: {name: X}\nmeeting: {title: T, %s: %q}\n", m.key, m.value)
		if err := validateJSON(sch, []byte(src)); err != nil {
			t.Errorf("the schema refuses %s %q: %v", m.key, m.value, err)
		}
		if _, err := Parse("x.yaml", []byte(src), Options{}); err != nil {
			t.Errorf("Load refuses %s %q: %v", m.key, m.value, err)
		}
	}
	for _, m := range []struct{ key, value string }{
		{"period", "2023-H3"}, {"period", "2023-13"}, {"period", "23-H1"}, {"period", "2023-Q0"},
		{"end", "hôm nay"}, {"start", "8:30"}, {"start", "sáng"}, {"period", "2023-H1; 2023-H3"},
	} {
		src := fmt.Sprintf("issuer: {name: X}\nmeeting: {title: T, %s: %q}\n", m.key, m.value)
		if validateJSON(sch, []byte(src)) == nil {
			t.Errorf("the schema accepts %s %q", m.key, m.value)
		}
		if _, err := Parse("x.yaml", []byte(src), Options{}); err == nil {
			t.Errorf("Load accepts %s %q", m.key, m.value)
		}
	}
}

// ExampleSchema shows what `hoinghi schema` prints first.
func ExampleSchema() {
	var s struct {
		Schema string `json:"$schema"`
		Title  string `json:"title"`
	}
	if err := json.Unmarshal(Schema(), &s); err != nil {
		panic(err)
	}
	fmt.Println(s.Schema)
	fmt.Println(s.Title)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// Tệp hội nghị của hoinghi (hoinghi meeting file)
}
