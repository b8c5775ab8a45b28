package main

import (
	"context"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// Create answers at once with inputs + read-only outputs (Azure would take minutes and could refuse). In a
// preview the read-only outputs are unknown, as the real provider's preview Create makes them.
func (s *server) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	token, t, lookupErr := lookup(req.GetUrn())
	if err := s.recordCall("Create", req.GetUrn(), token, map[string]any{
		"preview": req.GetPreview(), "properties": req.GetProperties(),
	}); err != nil {
		return nil, err
	}
	if lookupErr != nil {
		return nil, lookupErr
	}
	in, err := inputs(req.GetProperties())
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		outs, err := previewOutputs(token, t, req.GetUrn(), in, nil)
		if err != nil {
			return nil, err
		}
		return &pulumirpc.CreateResponse{Properties: outs}, nil
	}
	id, state, err := checkpoint(token, t, req.GetUrn(), in)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: state}, nil
}

// Update answers like Create; a preview keeps the old name and location, which cannot change in place.
func (s *server) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	token, t, lookupErr := lookup(req.GetUrn())
	if err := s.recordCall("Update", req.GetUrn(), token, map[string]any{
		"id": req.GetId(), "preview": req.GetPreview(), "olds": req.GetOlds(), "news": req.GetNews(),
		"oldInputs": req.GetOldInputs(), "ignoreChanges": req.GetIgnoreChanges(),
	}); err != nil {
		return nil, err
	}
	if lookupErr != nil {
		return nil, lookupErr
	}
	in, err := inputs(req.GetNews())
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		olds, err := inputs(req.GetOlds())
		if err != nil {
			return nil, err
		}
		outs, err := previewOutputs(token, t, req.GetUrn(), in, olds)
		if err != nil {
			return nil, err
		}
		return &pulumirpc.UpdateResponse{Properties: outs}, nil
	}
	_, state, err := checkpoint(token, t, req.GetUrn(), in)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: state}, nil
}

// Read returns the stored state, with whatever was changed "behind Pulumi's back" (STANDIN_DRIFT_FILE) applied to
// the outputs and to the inputs, as a refresh of a scale set that autoscale resized would find it.
func (s *server) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	token, _, lookupErr := lookup(req.GetUrn())
	if err := s.recordCall("Read", req.GetUrn(), token, map[string]any{
		"id": req.GetId(), "properties": req.GetProperties(), "inputs": req.GetInputs(),
	}); err != nil {
		return nil, err
	}
	if lookupErr != nil {
		return nil, lookupErr
	}
	state, err := inputs(req.GetProperties())
	if err != nil {
		return nil, err
	}
	if len(state) == 0 {
		return nil, errorf("cannot import %s: the stand-in only reads back what it created", req.GetId())
	}
	in, err := oldInputs(req.GetInputs(), req.GetProperties())
	if err != nil {
		return nil, err
	}
	drift, err := driftFor(req.GetUrn())
	if err != nil {
		return nil, err
	}
	if err := applyDrift(drift, state, in); err != nil {
		return nil, err
	}
	if _, ok := state[inputsKey]; ok {
		state[inputsKey] = resource.MakeSecret(object(in))
	}
	props, err := marshal(state)
	if err != nil {
		return nil, err
	}
	ins, err := marshal(in)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: props, Inputs: ins}, nil
}

// Delete only records the call: nothing exists to delete.
func (s *server) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	token, _, lookupErr := lookup(req.GetUrn())
	if err := s.recordCall("Delete", req.GetUrn(), token, map[string]any{
		"id": req.GetId(), "properties": req.GetProperties(), "oldInputs": req.GetOldInputs(),
	}); err != nil {
		return nil, err
	}
	if lookupErr != nil {
		return nil, lookupErr
	}
	return &emptypb.Empty{}, nil
}

// checkpoint is the state the real v2 provider stores: outputs, plus its copy of the inputs as one secret.
func checkpoint(token string, t resourceType, urn string, in resource.PropertyMap) (string, *structpb.Struct, error) {
	readOnly, err := readOnlyOutputs(token, t, urn, in)
	if err != nil {
		return "", nil, err
	}
	state := withOutputs(withoutInternal(in), readOnly)
	state[inputsKey] = resource.MakeSecret(object(in.Copy()))
	props, err := marshal(state)
	if err != nil {
		return "", nil, err
	}
	return readOnly["id"].StringValue(), props, nil
}

// previewOutputs: inputs + unknown read-only outputs; an update keeps the known old name and location.
func previewOutputs(token string, t resourceType, urn string, in, olds resource.PropertyMap,
) (*structpb.Struct, error) {
	readOnly, err := readOnlyOutputs(token, t, urn, in)
	if err != nil {
		// Names or parents still unknown in a preview: the shape is all that matters then.
		readOnly = resource.PropertyMap{"id": str(""), "name": str(""), "type": str(t.armType())}
	}
	outs := withOutputs(withoutInternal(in), unknownLeaves(readOnly))
	for _, k := range []resource.PropertyKey{"name", "location"} {
		if v, ok := olds[k]; ok {
			outs[k] = v
		}
	}
	return marshal(outs)
}

// withoutInternal drops the provider's bookkeeping inputs (__createBeforeDelete): Azure returns no such property.
func withoutInternal(in resource.PropertyMap) resource.PropertyMap {
	out := resource.PropertyMap{}
	for k, v := range in {
		if !strings.HasPrefix(string(k), "__") {
			out[k] = v
		}
	}
	return out
}
