package main

import (
	"reflect"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const vmssToken = "azure-native:compute:VirtualMachineScaleSet"

func vmssInputs(capacity int, tag string) map[string]any {
	return map[string]any{
		"vmScaleSetName": "dsvm-dev-vmss1234abcd", "resourceGroupName": "dsvm-dev-rg", "location": "westeurope",
		"sku":  map[string]any{"name": "Standard_D8s_v3", "tier": "Standard", "capacity": capacity},
		"tags": map[string]any{"team": tag},
	}
}

func TestDiffNoneWhenEqual(t *testing.T) {
	s := configured(t, nil)
	resp := diff(t, s, urnOf(vmssToken, "dsvm-dev-vmss"), pm(t, vmssInputs(2, "a")), pm(t, vmssInputs(2, "a")))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE || len(resp.GetDetailedDiff()) != 0 {
		t.Errorf("equal inputs: %v", resp)
	}
}

func TestDiffUpdateWithDetailedDiff(t *testing.T) {
	s := configured(t, nil)
	resp := diff(t, s, urnOf(vmssToken, "dsvm-dev-vmss"), pm(t, vmssInputs(2, "a")), pm(t, vmssInputs(3, "b")))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_SOME || len(resp.GetReplaces()) != 0 {
		t.Fatalf("an in-place change: %v", resp)
	}
	if !reflect.DeepEqual(resp.GetDiffs(), []string{"sku", "tags"}) {
		t.Errorf("diffs = %v", resp.GetDiffs())
	}
	for _, path := range []string{"sku.capacity", "tags.team"} {
		if d := resp.GetDetailedDiff()[path]; d == nil || d.GetKind() != pulumirpc.PropertyDiff_UPDATE {
			t.Errorf("detailedDiff[%s] = %v", path, d)
		}
	}
}

func TestDiffIgnoreChangesHidesCapacity(t *testing.T) {
	s := configured(t, nil)
	resp := diff(t, s, urnOf(vmssToken, "dsvm-dev-vmss"), pm(t, vmssInputs(3, "a")), pm(t, vmssInputs(2, "a")),
		"sku.capacity")
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Errorf("capacity is ignored, yet: %v", resp)
	}
	resp = diff(t, s, urnOf(vmssToken, "dsvm-dev-vmss"), pm(t, vmssInputs(3, "a")), pm(t, vmssInputs(2, "b")),
		"sku.capacity")
	if !reflect.DeepEqual(resp.GetDiffs(), []string{"tags"}) {
		t.Errorf("only tags changed beside the ignored capacity: %v", resp.GetDiffs())
	}
}

func TestDiffReplacesOnPathParametersAndLocation(t *testing.T) {
	s := configured(t, nil)
	urn := urnOf(vmssToken, "dsvm-dev-vmss")
	for prop, value := range map[string]any{
		"vmScaleSetName": "other", "resourceGroupName": "other-rg", "location": "northeurope",
	} {
		news := vmssInputs(2, "a")
		news[prop] = value
		resp := diff(t, s, urn, pm(t, vmssInputs(2, "a")), pm(t, news))
		if !reflect.DeepEqual(resp.GetReplaces(), []string{prop}) ||
			resp.GetDetailedDiff()[prop].GetKind() != pulumirpc.PropertyDiff_UPDATE_REPLACE {
			t.Errorf("%s changed: %v", prop, resp)
		}
		if !resp.GetDeleteBeforeReplace() {
			t.Errorf("%s: an explicitly named resource must be deleted before it is replaced", prop)
		}
	}
	news := vmssInputs(2, "a")
	news["location"] = "West Europe"
	if resp := diff(t, s, urn, pm(t, vmssInputs(2, "a")), pm(t, news)); resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Errorf("West Europe is westeurope: %v", resp)
	}
}

func TestDiffReplacesChildOnParentName(t *testing.T) {
	s := configured(t, nil)
	olds := map[string]any{"subnetName": "s", "virtualNetworkName": "vnet-a", "resourceGroupName": "rg",
		"addressPrefix": "10.0.0.0/24", createBeforeDeleteKey: true}
	news := map[string]any{"subnetName": "s", "virtualNetworkName": "vnet-b", "resourceGroupName": "rg",
		"addressPrefix": "10.0.1.0/24", createBeforeDeleteKey: true}
	resp := diff(t, s, urnOf("azure-native:network:Subnet", "sub"), pm(t, olds), pm(t, news))
	if !reflect.DeepEqual(resp.GetReplaces(), []string{"virtualNetworkName"}) {
		t.Errorf("replaces = %v", resp.GetReplaces())
	}
	if resp.GetDetailedDiff()["addressPrefix"].GetKind() != pulumirpc.PropertyDiff_UPDATE {
		t.Errorf("addressPrefix alone is an update: %v", resp.GetDetailedDiff())
	}
	if resp.GetDeleteBeforeReplace() {
		t.Errorf("an auto-named resource is created before the old one is deleted")
	}
}

func TestDiffReplacesRoleAssignmentOnPrincipal(t *testing.T) {
	s := configured(t, nil)
	olds := map[string]any{"roleAssignmentName": "r", "scope": "/s", "principalId": "p1", "description": "d"}
	news := map[string]any{"roleAssignmentName": "r", "scope": "/s", "principalId": "p2", "description": "e"}
	resp := diff(t, s, urnOf("azure-native:authorization:RoleAssignment", "ra"), pm(t, olds), pm(t, news))
	if !reflect.DeepEqual(resp.GetReplaces(), []string{"principalId"}) {
		t.Errorf("replaces = %v", resp.GetReplaces())
	}
}

// The pool's subnet moved from the default type to the 2023-05-01 one (an alias keeps its state): the same path
// parameters and one new property are an update in place, never a replacement.
func TestDiffUpdatesTheSubnetMadePrivateUnderItsVersionedType(t *testing.T) {
	s := configured(t, nil)
	olds := map[string]any{"subnetName": "s", "virtualNetworkName": "vnet", "resourceGroupName": "rg",
		"addressPrefix": "10.0.0.0/24", createBeforeDeleteKey: true}
	news := map[string]any{"subnetName": "s", "virtualNetworkName": "vnet", "resourceGroupName": "rg",
		"addressPrefix": "10.0.0.0/24", "defaultOutboundAccess": false, createBeforeDeleteKey: true}
	resp := diff(t, s, urnOf("azure-native:network/v20230501:Subnet", "sub"), pm(t, olds), pm(t, news))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_SOME || len(resp.GetReplaces()) != 0 {
		t.Errorf("an update in place: %v", resp)
	}
	if resp.GetDetailedDiff()["defaultOutboundAccess"].GetKind() != pulumirpc.PropertyDiff_ADD {
		t.Errorf("defaultOutboundAccess added: %v", resp.GetDetailedDiff())
	}
}
