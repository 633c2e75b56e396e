package http

import "net/http"

// router is what a route table registers its routes on.
type router interface {
	HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request))
	Handle(pattern string, handler http.Handler)
}

// recordingMux is a ServeMux that remembers its patterns, so that the authorisation
// test walks every route the day it is added (Server.Patterns).
type recordingMux struct {
	*http.ServeMux
	patterns *[]string
}

func (m *recordingMux) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	*m.patterns = append(*m.patterns, pattern)
	m.ServeMux.HandleFunc(pattern, handler)
}

func (m *recordingMux) Handle(pattern string, handler http.Handler) {
	*m.patterns = append(*m.patterns, pattern)
	m.ServeMux.Handle(pattern, handler)
}

// Patterns returns the route patterns of the server ("GET /households/{id}" …), in
// the order they were registered.
func (s *Server) Patterns() []string { return append([]string(nil), s.patterns...) }
