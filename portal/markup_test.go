package portal

import (
	"reflect"
	"testing"
)

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Block
	}{
		{"Một dòng.", []Block{{Kind: "p", Text: "Một dòng."}}},
		{"Dòng một\ndòng hai\n\nĐoạn hai", []Block{{Kind: "p", Text: "Dòng một dòng hai"}, {Kind: "p", Text: "Đoạn hai"}}},
		{"## Tiêu đề\n- a\n- b\nSau", []Block{{Kind: "h", Text: "Tiêu đề"}, {Kind: "ul", Items: []string{"a", "b"}}, {Kind: "p", Text: "Sau"}}},
		{"<script>alert(1)</script>", []Block{{Kind: "p", Text: "<script>alert(1)</script>"}}},
		{"\r\n\r\n", nil},
	} {
		if got := Render(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Render(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

func TestDefaultContentReads(t *testing.T) {
	c := DefaultContent()
	if c.Configured || len(c.Offices) != 3 || len(c.Documents) == 0 {
		t.Fatalf("default content: %+v", c)
	}
	for _, o := range c.Offices {
		if o.Phone != "" || o.Address != "" {
			t.Errorf("the default content invents a contact: %+v", o)
		}
	}
}
