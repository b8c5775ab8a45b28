package main

import (
	"context"

	"github.com/google/uuid"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Check returns the inputs with what the real provider fills in (applyDefaults in azure-native's provider.go):
// the name property when missing, and location when the PUT body has one. It validates nothing: the real one
// checks required properties, types, lengths and patterns against the Azure spec; here the project's rules table
// (src/main/java/io/github/dsvmpool/rules) is what checks Azure's rules, so no CheckFailure is ever returned.
func (s *server) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	token, t, lookupErr := lookup(req.GetUrn())
	olds, err := inputs(req.GetOlds())
	if err != nil {
		return nil, err
	}
	news, err := inputs(req.GetNews())
	if err != nil {
		return nil, err
	}
	if err := s.recordCall("Check", req.GetUrn(), token, map[string]any{
		"olds": req.GetOlds(), "news": req.GetNews(),
	}); err != nil {
		return nil, err
	}
	if lookupErr != nil {
		return nil, lookupErr
	}

	if !news.HasValue(resource.PropertyKey(t.nameProp)) {
		name, random, err := defaultName(t, req.GetUrn(), req.GetRandomSeed(), olds)
		if err != nil {
			return nil, err
		}
		news[resource.PropertyKey(t.nameProp)] = name
		if random {
			news[createBeforeDeleteKey] = resource.NewBoolProperty(true)
		}
	}
	if t.location && !news.HasValue("location") {
		if location, ok := s.defaultLocation(olds, news); ok {
			news["location"] = location
		}
	}
	checked, err := marshal(news)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: checked}, nil
}

// defaultName keeps an earlier name (so a resource keeps it across updates), else makes one; random reports
// whether the name was generated, which lets a replacement create the new resource before deleting the old one.
func defaultName(t resourceType, urn string, seed []byte, olds resource.PropertyMap,
) (resource.PropertyValue, bool, error) {
	key := resource.PropertyKey(t.nameProp)
	if old, ok := olds[key]; ok {
		flag, has := olds[createBeforeDeleteKey]
		return old, has && flag.IsBool() && flag.BoolValue(), nil
	}
	switch {
	case t.autoName.fixed != "":
		return resource.NewStringProperty(t.autoName.fixed), false, nil
	case t.autoName.uuid:
		hex, err := resource.NewUniqueName(seed, "", 32, 0, nil)
		if err != nil {
			return resource.PropertyValue{}, false, err
		}
		id, err := uuid.Parse(hex)
		if err != nil {
			return resource.PropertyValue{}, false, err
		}
		return resource.NewStringProperty(id.String()), true, nil
	default:
		// The real provider's random strategy: the URN's name followed by 8 characters of [0-9a-f].
		name, err := resource.NewUniqueName(seed, resource.URN(urn).Name(), 8, 0, nil)
		if err != nil {
			return resource.PropertyValue{}, false, err
		}
		return resource.NewStringProperty(name), true, nil
	}
}

// defaultLocation follows getDefaultLocation: the old location, else the provider's `location` configuration,
// else unknown while the resource group is unknown. The real provider then asks Azure for the resource group's
// location; the stand-in has no Azure to ask, so the property stays missing.
func (s *server) defaultLocation(olds, news resource.PropertyMap) (resource.PropertyValue, bool) {
	if v, ok := olds["location"]; ok {
		return v, true
	}
	if v, ok := s.configValue("location"); ok {
		return resource.NewStringProperty(v), true
	}
	if rg, ok := news["resourceGroupName"]; ok && rg.ContainsUnknowns() {
		return resource.MakeComputed(resource.NewStringProperty("")), true
	}
	return resource.PropertyValue{}, false
}
