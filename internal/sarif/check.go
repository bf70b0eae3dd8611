package sarif

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Check validates an encoded log against the structure SARIF 2.1.0 requires
// and GitHub code scanning reads: version and schema, exactly one run, a
// named driver whose rules have ids, descriptions, help and an https
// helpUri; results whose ruleIndex points at their ruleId, with a message
// and one physical location (a relative URI through a declared uriBaseId,
// or an absolute file URI; 1-based regions); numbered, described related
// locations; an invocation that says whether it succeeded.
//
// It reads the JSON untyped, as a consumer does, so it also catches what
// the encoder's types would hide (a null results array, a missing field).
func Check(data []byte) error {
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		return err
	}
	c := &checker{}
	c.log(log)
	return errors.Join(c.errs...)
}

type checker struct{ errs []error }

func (c *checker) errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf(format, args...))
}

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }
func arr(v any) []any          { a, _ := v.([]any); return a }
func str(v any) string         { s, _ := v.(string); return s }

func (c *checker) log(log map[string]any) {
	if v := str(log["version"]); v != Version {
		c.errorf("version is %q, want %q", v, Version)
	}
	if s := str(log["$schema"]); s != Schema {
		c.errorf("$schema is %q, want %q", s, Schema)
	}
	runs := arr(log["runs"])
	if len(runs) != 1 {
		c.errorf("%d runs, want 1", len(runs))
		return
	}
	run := obj(runs[0])

	driver := obj(obj(run["tool"])["driver"])
	if str(driver["name"]) == "" {
		c.errorf("tool.driver.name is missing")
	}
	rules, ok := driver["rules"].([]any)
	if !ok {
		c.errorf("tool.driver.rules is not an array")
	}
	ids := make([]string, len(rules))
	for i, r := range rules {
		rule := obj(r)
		id := str(rule["id"])
		ids[i] = id
		if id == "" {
			c.errorf("rule %d has no id", i)
		}
		for _, field := range []string{"shortDescription", "fullDescription", "help"} {
			if str(obj(rule[field])["text"]) == "" {
				c.errorf("rule %s: %s.text is missing", id, field)
			}
		}
		if !strings.HasPrefix(str(rule["helpUri"]), "https://") {
			c.errorf("rule %s: helpUri %q is not an https URL", id, rule["helpUri"])
		}
	}

	bases := obj(run["originalUriBaseIds"])
	for name, b := range bases {
		if u := str(obj(b)["uri"]); !strings.HasPrefix(u, "file:///") || !strings.HasSuffix(u, "/") {
			c.errorf("originalUriBaseIds[%s].uri %q is not an absolute directory URI", name, u)
		}
	}
	inv := arr(run["invocations"])
	if len(inv) != 1 {
		c.errorf("%d invocations, want 1", len(inv))
	} else if _, ok := obj(inv[0])["executionSuccessful"].(bool); !ok {
		c.errorf("invocation.executionSuccessful is missing")
	}

	results, ok := run["results"].([]any)
	if !ok {
		c.errorf("results is not an array")
	}
	for i, r := range results {
		res := obj(r)
		id := str(res["ruleId"])
		idx, ok := res["ruleIndex"].(float64)
		switch {
		case !ok || int(idx) < 0 || int(idx) >= len(ids):
			c.errorf("result %d: ruleIndex %v out of range", i, res["ruleIndex"])
		case ids[int(idx)] != id:
			c.errorf("result %d: ruleIndex %v is rule %q, not ruleId %q", i, idx, ids[int(idx)], id)
		}
		switch str(res["level"]) {
		case "warning", "error", "note", "none":
		default:
			c.errorf("result %d: level %q", i, res["level"])
		}
		if str(obj(res["message"])["text"]) == "" {
			c.errorf("result %d: message.text is missing", i)
		}
		locs := arr(res["locations"])
		if len(locs) != 1 {
			c.errorf("result %d: %d locations, want 1", i, len(locs))
		}
		for _, l := range locs {
			c.location(fmt.Sprintf("result %d", i), obj(l), bases)
		}
		for j, l := range arr(res["relatedLocations"]) {
			loc := obj(l)
			where := fmt.Sprintf("result %d related location %d", i, j)
			if id, _ := loc["id"].(float64); id < 1 {
				c.errorf("%s: no id", where)
			}
			if str(obj(loc["message"])["text"]) == "" {
				c.errorf("%s: message.text is missing", where)
			}
			c.location(where, loc, bases)
		}
	}
}

func (c *checker) location(where string, loc, bases map[string]any) {
	phys := obj(loc["physicalLocation"])
	art := obj(phys["artifactLocation"])
	uri := str(art["uri"])
	if base, ok := art["uriBaseId"].(string); ok {
		if _, declared := bases[base]; !declared {
			c.errorf("%s: uriBaseId %q is not declared in originalUriBaseIds", where, base)
		}
		if uri == "" || strings.HasPrefix(uri, "/") || strings.Contains(uri, ":") || strings.HasPrefix(uri, "../") {
			c.errorf("%s: uri %q is not relative to its base", where, uri)
		}
	} else if !strings.HasPrefix(uri, "file:///") {
		c.errorf("%s: uri %q has no base and is not an absolute file URI", where, uri)
	}
	region := obj(phys["region"])
	if line, _ := region["startLine"].(float64); line < 1 {
		c.errorf("%s: region.startLine %v < 1", where, region["startLine"])
	}
	if col, ok := region["startColumn"].(float64); ok && col < 1 {
		c.errorf("%s: region.startColumn %v < 1", where, col)
	}
}
