package http

import "net/http"

// routesClassify mounts the poverty calculator (POST /api/v1/classify).
func (s *Server) routesClassify(mux *http.ServeMux) {}
