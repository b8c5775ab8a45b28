package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

// Diff compares old and new inputs as azure-native's Diff does (provider.go, diff.go): a change to an ARM path
// parameter (name, parent names, resourceGroupName, scope), to location (compared without case and spaces) or to a
// force-new property is a replacement, any other change an update; the replacement deletes first unless the old
// resource was auto-named.
func (s *server) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	token, t, lookupErr := lookup(req.GetUrn())
	if err := s.recordCall("Diff", req.GetUrn(), token, map[string]any{
		"id": req.GetId(), "olds": req.GetOlds(), "news": req.GetNews(), "oldInputs": req.GetOldInputs(),
		"ignoreChanges": req.GetIgnoreChanges(),
	}); err != nil {
		return nil, err
	}
	if lookupErr != nil {
		return nil, lookupErr
	}
	olds, err := oldInputs(req.GetOldInputs(), req.GetOlds())
	if err != nil {
		return nil, err
	}
	news, err := inputs(req.GetNews())
	if err != nil {
		return nil, err
	}
	if err := ignoreChanges(req.GetIgnoreChanges(), olds, news); err != nil {
		return nil, err
	}

	detailed := map[string]*pulumirpc.PropertyDiff{}
	diffObjects("", olds, news, detailed)
	if len(detailed) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE, HasDetailedDiff: true}, nil
	}

	replaceKeys := map[string]bool{}
	for _, k := range append(t.pathParams(), t.forceNew...) {
		replaceKeys[k] = true
	}
	if t.location {
		replaceKeys["location"] = true
	}
	changed, replaced := map[string]bool{}, map[string]bool{}
	for path, d := range detailed {
		top := topKey(path)
		changed[top] = true
		if replaceKeys[top] {
			d.Kind = replaceKind(d.Kind)
			replaced[top] = true
		}
	}
	flag, autoNamed := olds[createBeforeDeleteKey]
	return &pulumirpc.DiffResponse{
		Changes:             pulumirpc.DiffResponse_DIFF_SOME,
		Diffs:               sortedKeys(changed),
		Replaces:            sortedKeys(replaced),
		DeleteBeforeReplace: len(replaced) > 0 && !(autoNamed && flag.IsBool() && flag.BoolValue()),
		DetailedDiff:        detailed,
		HasDetailedDiff:     true,
	}, nil
}

// oldInputs prefers the inputs the engine sends, then the provider's own copy in state (__inputs), then the state.
func oldInputs(sent, state *structpb.Struct) (resource.PropertyMap, error) {
	if sent != nil {
		return inputs(sent)
	}
	olds, err := inputs(state)
	if err != nil {
		return nil, err
	}
	if v, ok := olds[inputsKey]; ok {
		if v.IsSecret() {
			v = v.SecretValue().Element
		}
		if v.IsObject() {
			return v.ObjectValue(), nil
		}
	}
	return olds, nil
}

// ignoreChanges puts the old value back at each ignored path (or drops the new one when there was none), as the
// engine does before it calls Diff: an ignored property never shows as a change.
func ignoreChanges(paths []string, olds, news resource.PropertyMap) error {
	for _, p := range paths {
		path, err := resource.ParsePropertyPath(p)
		if err != nil {
			return errorf("bad ignoreChanges path %q: %v", p, err)
		}
		if _, had := path.Get(resource.NewObjectProperty(olds)); had {
			path.Reset(olds, news)
		} else {
			path.Delete(resource.NewObjectProperty(news))
		}
	}
	return nil
}

func diffObjects(base string, olds, news resource.PropertyMap, out map[string]*pulumirpc.PropertyDiff) {
	keys := map[string]bool{}
	for k := range olds {
		keys[string(k)] = true
	}
	for k := range news {
		keys[string(k)] = true
	}
	for k := range keys {
		if base == "" && strings.HasPrefix(k, "__") {
			continue // the provider's own bookkeeping, not Azure's
		}
		o, hasOld := olds[resource.PropertyKey(k)]
		n, hasNew := news[resource.PropertyKey(k)]
		diffValues(join(base, k), o, n, hasOld && !o.IsNull(), hasNew && !n.IsNull(), out)
	}
}

func diffValues(path string, o, n resource.PropertyValue, hasOld, hasNew bool,
	out map[string]*pulumirpc.PropertyDiff) {
	switch {
	case !hasOld && !hasNew:
	case !hasOld:
		out[path] = &pulumirpc.PropertyDiff{Kind: pulumirpc.PropertyDiff_ADD, InputDiff: true}
	case !hasNew:
		out[path] = &pulumirpc.PropertyDiff{Kind: pulumirpc.PropertyDiff_DELETE, InputDiff: true}
	default:
		// Secretness alone is no change to Azure: compare what is inside.
		o, n = unsecret(o), unsecret(n)
		switch {
		case n.ContainsUnknowns() && !n.IsObject() && !n.IsArray():
			out[path] = &pulumirpc.PropertyDiff{Kind: pulumirpc.PropertyDiff_UPDATE, InputDiff: true}
		case o.IsObject() && n.IsObject():
			diffObjects(path, o.ObjectValue(), n.ObjectValue(), out)
		case o.IsArray() && n.IsArray():
			oa, na := o.ArrayValue(), n.ArrayValue()
			for i := 0; i < len(oa) || i < len(na); i++ {
				var oi, ni resource.PropertyValue
				if i < len(oa) {
					oi = oa[i]
				}
				if i < len(na) {
					ni = na[i]
				}
				diffValues(fmt.Sprintf("%s[%d]", path, i), oi, ni, i < len(oa), i < len(na), out)
			}
		case path == "location" && o.IsString() && n.IsString():
			if normalizedLocation(o.StringValue()) != normalizedLocation(n.StringValue()) {
				out[path] = &pulumirpc.PropertyDiff{Kind: pulumirpc.PropertyDiff_UPDATE, InputDiff: true}
			}
		case !o.DeepEquals(n):
			out[path] = &pulumirpc.PropertyDiff{Kind: pulumirpc.PropertyDiff_UPDATE, InputDiff: true}
		}
	}
}

// normalizedLocation: Azure treats "West Europe" and "westeurope" as one region (azure-native diff.go).
func normalizedLocation(l string) string {
	return strings.ToLower(strings.ReplaceAll(l, " ", ""))
}

func unsecret(v resource.PropertyValue) resource.PropertyValue {
	for v.IsSecret() {
		v = v.SecretValue().Element
	}
	return v
}

func join(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}

// topKey is the top-level property of a detailed-diff path such as "sku.capacity" or "rules[0].port".
func topKey(path string) string {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return path
}

func replaceKind(k pulumirpc.PropertyDiff_Kind) pulumirpc.PropertyDiff_Kind {
	switch k {
	case pulumirpc.PropertyDiff_ADD:
		return pulumirpc.PropertyDiff_ADD_REPLACE
	case pulumirpc.PropertyDiff_DELETE:
		return pulumirpc.PropertyDiff_DELETE_REPLACE
	case pulumirpc.PropertyDiff_UPDATE:
		return pulumirpc.PropertyDiff_UPDATE_REPLACE
	}
	return k
}
