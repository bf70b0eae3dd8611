package reservedclose

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/connlint/connlint/internal/analysisutil"
	"github.com/connlint/connlint/internal/lending"
	"github.com/connlint/connlint/internal/ownership"
	"github.com/connlint/connlint/internal/ssax"
)

type reporter struct {
	pass  *analysis.Pass
	sup   *analysisutil.Suppressions
	diags []analysis.Diagnostic // reported in file, line, column order by flush
}

func (r *reporter) report(d analysis.Diagnostic) { r.diags = append(r.diags, d) }

// flush reports everything, in an order that does not depend on how the
// driver parsed the files.
func (r *reporter) flush() {
	analysisutil.SortDiagnostics(r.pass.Fset, r.diags)
	for _, d := range r.diags {
		r.pass.Report(d)
	}
}

func newReporter(pass *analysis.Pass) *reporter {
	return &reporter{pass: pass, sup: analysisutil.NewSuppressions(pass.Fset, pass.Files, "reservedclose")}
}

func (r *reporter) directive(p ownership.Problem) {
	r.report(analysis.Diagnostic{
		Pos:      p.Pos,
		Category: "directive",
		Message:  p.Message,
		URL:      URL + "#directives",
	})
}

// leak reports an acquisition that some path does not release, at the
// acquiring call, with the first leaking exit as related information.
func (r *reporter) leak(l ownership.Leak) {
	path, _ := astutil.PathEnclosingInterval(analysisutil.FileOf(r.pass.Files, l.Call.Pos()), l.Call.Pos(), l.Call.Pos())
	call := enclosingCall(path)
	if call == nil {
		return // no syntax to point at (synthetic code)
	}
	if analysisutil.IsGenerated(r.pass.Files, call.Pos()) || r.sup.Silenced(call.Pos()) {
		return
	}
	site := describeSite(r.pass.TypesInfo, path, call, l)
	exitLine := r.pass.Fset.Position(l.Exit).Line

	var what, related string
	switch {
	case l.Looped:
		what = "is not released before the loop comes back and acquires the next one"
		related = "the loop acquires again here"
	case l.Lost:
		what = fmt.Sprintf("is lost when its variable is overwritten at line %d", exitLine)
		related = "the only reference is overwritten here"
	default:
		what = fmt.Sprintf("is not released on the path returning at line %d", exitLine)
		related = "this return leaks it"
	}
	d := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: "leak",
		Message:  fmt.Sprintf("%s acquired here %s (%s)", l.Family.Display, what, site.hint(l)),
		URL:      URL + "#leaks",
		Related:  []analysis.RelatedInformation{{Pos: l.Exit, Message: related}},
	}
	if fix, ok := site.fix(r.pass.Fset, l); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	r.report(d)
}

// misuse reports a use after release or a second release, at the use.
func (r *reporter) misuse(m ownership.Misuse) {
	if analysisutil.IsGenerated(r.pass.Files, m.Pos) || r.sup.Silenced(m.Pos) {
		return
	}
	line := r.pass.Fset.Position(m.Release).Line
	d := analysis.Diagnostic{Pos: m.Pos, Related: []analysis.RelatedInformation{{Pos: m.Release, Message: "released here"}}}
	switch {
	case m.Double && m.Deferred:
		d.Category, d.URL = "double-release", URL+"#double-release"
		d.Message = fmt.Sprintf("%s is released here and again by the deferred release at line %d: a second %s corrupts its pool (drop one of them)", m.Family.Display, line, m.Method)
		d.Related[0].Message = "deferred release"
	case m.Double:
		d.Category, d.URL = "double-release", URL+"#double-release"
		d.Message = fmt.Sprintf("%s released again after its release at line %d: a second release corrupts its pool (release it once)", m.Family.Display, line)
	default:
		d.Category, d.URL = "use-after-release", URL+"#use-after-release"
		what := "used"
		if m.Method != "" {
			what = m.Method + " called"
		}
		d.Message = fmt.Sprintf("%s %s after its release at line %d: another user may own it now (release it after the last use)", m.Family.Display, what, line)
	}
	r.report(d)
}

// lent reports a value lent to a callback for the call's duration that the
// callback lets escape, where it escapes.
func (r *reporter) lent(e lending.Escape) {
	if analysisutil.IsGenerated(r.pass.Files, e.Pos) || r.sup.Silenced(e.Pos) {
		return
	}
	name := e.Param.Name()
	if name == "" || name == "_" {
		name = "the value"
	}
	r.report(analysis.Diagnostic{
		Pos:      e.Pos,
		Category: "escape",
		URL:      URL + "#lent-values",
		Message: fmt.Sprintf("%s, lent by %s for the callback's duration, is %s: it is not valid once the callback returns (use it only inside the callback)",
			name, lenderName(e.Lender), e.How),
		Related: []analysis.RelatedInformation{{Pos: e.Call, Message: "lent here"}},
	})
}

// lenderName names a function as its users write it: (*sql.Conn).Raw,
// pgx.BeginFunc.
func lenderName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	t := types.TypeString(recv.Type(), qual)
	if _, ok := recv.Type().(*types.Pointer); ok {
		t = "(" + t + ")"
	}
	return t + "." + fn.Name()
}

func enclosingCall(path []ast.Node) *ast.CallExpr {
	for _, n := range path {
		if c, ok := n.(*ast.CallExpr); ok {
			return c
		}
	}
	return nil
}

// A site is the syntax around an acquisition: the variable that receives the
// resource, the error check that follows, the context argument.
type site struct {
	varName  string
	ctx      string    // source of the context argument, if any
	after    ast.Stmt  // statement after which a defer belongs
	indent   token.Pos // start of the acquiring statement
	inLoop   bool      // a defer here would pile up per iteration
	errCheck bool      // after is the error check
}

func describeSite(info *types.Info, path []ast.Node, call *ast.CallExpr, l ownership.Leak) site {
	var s site
	for _, arg := range call.Args {
		if isContext(info, arg) {
			s.ctx = types.ExprString(arg)
			break
		}
	}
	for _, n := range path {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			s.inLoop = true
		case *ast.FuncLit, *ast.FuncDecl:
			goto found
		}
	}
found:
	assign, block := assignmentOf(path, call)
	if assign == nil || l.Result >= len(assign.Lhs) {
		return s
	}
	id, ok := assign.Lhs[l.Result].(*ast.Ident)
	if !ok || id.Name == "_" {
		return s
	}
	s.varName, s.indent = id.Name, assign.Pos()
	errName := ""
	if n := len(assign.Lhs); n > 1 {
		if e, ok := assign.Lhs[n-1].(*ast.Ident); ok {
			errName = e.Name
		}
	}
	next := nextStmt(block, assign)
	switch {
	case errName == "" && len(assign.Lhs) == 1:
		s.after = assign
	case errName != "" && errName != "_" && isErrCheck(next, errName):
		s.after, s.errCheck = next, true
	}
	return s
}

// hint says how to release: "call Close, or defer conn.Close() after the
// error check".
func (s site) hint(l ownership.Leak) string {
	h := l.Family.ReleaseHint()
	if s.varName == "" || s.inLoop {
		return h
	}
	call, ok := l.Family.DeferCall(s.varName, s.ctx)
	if !ok {
		return h
	}
	if s.errCheck || s.after == nil {
		return h + ", or defer " + call + " after the error check"
	}
	return h + ", or defer " + call + " right after acquiring it"
}

// fix inserts the deferred release after the error check. It is offered
// only where it is certainly right: no path already releases or hands on the
// resource (a second release can corrupt a pool), the acquisition is not in
// a loop, and the error check is the very next statement.
func (s site) fix(fset *token.FileSet, l ownership.Leak) (analysis.SuggestedFix, bool) {
	if !l.Untouched || s.after == nil || s.inLoop || l.Looped {
		return analysis.SuggestedFix{}, false
	}
	call, ok := l.Family.DeferCall(s.varName, s.ctx)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	col := fset.Position(s.indent).Column
	text := "\n" + strings.Repeat("\t", max(col-1, 0)) + "defer " + call
	at := endOfLine(fset, s.after.End())
	return analysis.SuggestedFix{
		Message:   "defer " + call,
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}, true
}

// endOfLine returns the position of the newline ending pos's line, so that
// an inserted line goes after any trailing comment.
func endOfLine(fset *token.FileSet, pos token.Pos) token.Pos {
	tf := fset.File(pos)
	if line := tf.Line(pos); line < tf.LineCount() {
		return tf.LineStart(line+1) - 1
	}
	return pos
}

// assignmentOf returns the statement `x, err := call` (or `=`) and its block.
func assignmentOf(path []ast.Node, call *ast.CallExpr) (*ast.AssignStmt, *ast.BlockStmt) {
	for i, n := range path {
		if n == call {
			if i+2 >= len(path) {
				return nil, nil
			}
			assign, ok := path[i+1].(*ast.AssignStmt)
			if !ok || len(assign.Rhs) != 1 || assign.Rhs[0] != call {
				return nil, nil
			}
			block, _ := path[i+2].(*ast.BlockStmt)
			return assign, block
		}
	}
	return nil, nil
}

func nextStmt(block *ast.BlockStmt, s ast.Stmt) ast.Stmt {
	if block == nil {
		return nil
	}
	for i, st := range block.List {
		if st == s && i+1 < len(block.List) {
			return block.List[i+1]
		}
	}
	return nil
}

// isErrCheck matches `if err != nil { ... }` with no init and no else.
func isErrCheck(s ast.Stmt, errName string) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil {
		return false
	}
	cmp, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || cmp.Op != token.NEQ {
		return false
	}
	x, ok1 := cmp.X.(*ast.Ident)
	y, ok2 := cmp.Y.(*ast.Ident)
	return ok1 && ok2 && x.Name == errName && y.Name == "nil"
}

func isContext(info *types.Info, e ast.Expr) bool {
	return ssax.TypeKey(info.TypeOf(e)) == "context.Context"
}

// fieldLeak reports an owning field that a release method of its struct
// does not release (at the method), or that nothing releases (at the
// acquisition that fills it).
func (r *reporter) fieldLeak(l ownership.FieldLeak) {
	pos := l.Pos()
	if analysisutil.IsGenerated(r.pass.Files, pos) || r.sup.Silenced(pos) {
		return
	}
	typ, fld := l.Struct.Name(), l.Field.Name()
	storedLine := r.pass.Fset.Position(l.Stored).Line
	d := analysis.Diagnostic{
		Pos:      pos,
		Category: "owning-field",
		URL:      URL + "#owning-fields",
		Related:  []analysis.RelatedInformation{{Pos: l.Stored, Message: fmt.Sprintf("%s.%s receives the %s here", typ, fld, l.Family.Display)}},
	}
	if l.Method == nil {
		d.Message = fmt.Sprintf("%s.%s holds a %s acquired here, but nothing in this package releases it (give %s a Close method that releases %s, and call it)",
			typ, fld, l.Family.Display, typ, fld)
		r.report(d)
		return
	}
	m := l.Method.Name()
	exitLine := r.pass.Fset.Position(l.Exit).Line
	what := fmt.Sprintf("%s.%s leaves %s held", typ, m, fld)
	if len(l.Released) > 0 {
		what = fmt.Sprintf("%s.%s releases %s but leaves %s held", typ, m, strings.Join(l.Released, " and "), fld)
	}
	d.Message = fmt.Sprintf("%s on the path returning at line %d: the %s acquired into %s.%s at line %d is not released on that path (%s on %s.%s in %s)",
		what, exitLine, l.Family.Display, typ, fld, storedLine, l.Family.ReleaseHint(), recvName(l.Method), fld, m)
	d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.Exit, Message: "this return leaves it held"})
	r.report(d)
}

// recvName is the name of a method's receiver, or the type's initial.
func recvName(m *types.Func) string {
	if r := m.Signature().Recv(); r != nil && r.Name() != "" && r.Name() != "_" {
		return r.Name()
	}
	return "the receiver"
}
