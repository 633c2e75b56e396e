package http

import (
	"net/http"
	"strconv"

	"giamngheo"
	"giamngheo/admin"
	"giamngheo/portal"
)

// routesPortal mounts the province officers' editor of the public site's news: the
// list with the form, saving a draft, publishing and withdrawing. The service checks
// the role and the province.
func (s *Server) routesPortal(mux router) {
	mux.HandleFunc("GET /portal/news", s.requireUser(s.handlePortalNews))
	mux.HandleFunc("POST /portal/news", s.requireUser(s.handlePortalSave))
	mux.HandleFunc("POST /portal/news/{id}/publish", s.requireUser(s.handlePortalPublish))
}

type portalPage struct {
	Posts     []*portal.Post
	Edit      *portal.Post
	Provinces []*admin.Unit
}

func (s *Server) handlePortalNews(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if s.Portal == nil || !portal.CanWrite(giamngheo.ActorFromContext(ctx)) {
		s.Error(w, r, giamngheo.Errorf(giamngheo.EFORBIDDEN, "Chỉ cán bộ cấp tỉnh được viết tin trên trang công khai.", "Only province officers write the public site's news."))
		return
	}
	ps, err := s.Units.FindUnits(ctx, admin.UnitFilter{AsOf: s.Today().Format("2006-01-02"), Level: admin.LevelProvince})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	p := &portalPage{Edit: &portal.Post{Kind: portal.KindNews}}
	scope := currentUser(ctx).ScopeCode
	var codes []string
	for _, u := range ps {
		if scope == "" || u.Code == scope {
			p.Provinces = append(p.Provinces, u)
		}
		codes = append(codes, u.Code)
	}
	if p.Posts, err = s.Portal.Drafts(ctx, codes); err != nil {
		s.Error(w, r, err)
		return
	}
	if id, err := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64); err == nil {
		if p.Edit, err = s.Portal.Post(ctx, id); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	s.render(w, r, "portal", p)
}

func (s *Server) handlePortalSave(w http.ResponseWriter, r *http.Request) {
	if s.Portal == nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có trang công khai.", "No public site."))
		return
	}
	id, _ := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	p := &portal.Post{ID: id, ProvinceCode: r.PostFormValue("province"), Kind: r.PostFormValue("kind"), Title: r.PostFormValue("title"), Body: r.PostFormValue("body"),
		TitleEN: r.PostFormValue("title_en"), BodyEN: r.PostFormValue("body_en")}
	if err := s.Portal.SavePost(r.Context(), p); err != nil {
		s.Error(w, r, err)
		return
	}
	flash(w, "Đã lưu bản nháp.", "Draft saved.")
	http.Redirect(w, r, "/portal/news", http.StatusSeeOther)
}

func (s *Server) handlePortalPublish(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || s.Portal == nil {
		s.Error(w, r, giamngheo.Errorf(giamngheo.ENOTFOUND, "Không có tin này.", "No such post."))
		return
	}
	publish := r.PostFormValue("publish") == "1"
	if _, err := s.Portal.Publish(r.Context(), id, publish); err != nil {
		s.Error(w, r, err)
		return
	}
	// The public pages are cached for a few minutes; a publish shows at once.
	s.pubCache.clear()
	if publish {
		flash(w, "Đã đăng tin lên trang công khai.", "Published on the public site.")
	} else {
		flash(w, "Đã gỡ tin khỏi trang công khai.", "Withdrawn from the public site.")
	}
	http.Redirect(w, r, "/portal/news", http.StatusSeeOther)
}
