package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const vnetToken = "azure-native:network:VirtualNetwork"

func TestCheckFillsARandomNameFromTheSeedAndTheConfiguredLocation(t *testing.T) {
	s := configured(t, map[string]string{"azure-native:config:location": "westeurope"})
	urn := urnOf(vnetToken, "dsvm-dev-vnet")
	in := pm(t, map[string]any{"resourceGroupName": "dsvm-dev-rg"})

	got := check(t, s, urn, nil, in.Copy(), "seed-1")
	name := atString(t, got, "virtualNetworkName")
	if !regexp.MustCompile(`^dsvm-dev-vnet[0-9a-f]{8}$`).MatchString(name) {
		t.Errorf("virtualNetworkName = %q, want the logical name and 8 hex characters", name)
	}
	if again := atString(t, check(t, s, urn, nil, in.Copy(), "seed-1"), "virtualNetworkName"); again != name {
		t.Errorf("same seed, another name: %q then %q", name, again)
	}
	if other := atString(t, check(t, s, urn, nil, in.Copy(), "seed-2"), "virtualNetworkName"); other == name {
		t.Errorf("another seed, same name %q", other)
	}
	if loc := atString(t, got, "location"); loc != "westeurope" {
		t.Errorf("location = %q, want the provider's configured westeurope", loc)
	}
	if flag := at(t, got, createBeforeDeleteKey); !flag.IsBool() || !flag.BoolValue() {
		t.Errorf("an auto-named resource is not marked %s: %v", createBeforeDeleteKey, flag)
	}
}

func TestCheckKeepsGivenAndEarlierNames(t *testing.T) {
	s := configured(t, nil)
	urn := urnOf(vnetToken, "dsvm-dev-vnet")
	given := check(t, s, urn, nil, pm(t, map[string]any{"virtualNetworkName": "mine", "location": "northeurope"}), "x")
	if atString(t, given, "virtualNetworkName") != "mine" || atString(t, given, "location") != "northeurope" {
		t.Errorf("given values changed: %v", given)
	}
	if _, ok := given[createBeforeDeleteKey]; ok {
		t.Errorf("an explicitly named resource is marked %s", createBeforeDeleteKey)
	}
	olds := pm(t, map[string]any{"virtualNetworkName": "dsvm-dev-vnet0badcafe", createBeforeDeleteKey: true,
		"location": "westeurope"})
	kept := check(t, s, urn, olds, pm(t, map[string]any{"resourceGroupName": "rg"}), "new-seed")
	if atString(t, kept, "virtualNetworkName") != "dsvm-dev-vnet0badcafe" || atString(t, kept, "location") != "westeurope" {
		t.Errorf("an update must keep the earlier auto-name and location: %v", kept)
	}
}

func TestCheckNamesPerType(t *testing.T) {
	s := configured(t, nil)
	role := check(t, s, urnOf("azure-native:authorization:RoleAssignment", "ra"), nil,
		pm(t, map[string]any{"scope": "/subscriptions/x"}), "seed")
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).
		MatchString(atString(t, role, "roleAssignmentName")) {
		t.Errorf("roleAssignmentName is not a UUID: %v", role)
	}
	if _, ok := role["location"]; ok {
		t.Errorf("a role assignment has no location, got %v", role)
	}
	files := check(t, s, urnOf("azure-native:storage:FileServiceProperties", "files"), nil, pm(t, nil), "seed")
	if atString(t, files, "fileServicesName") != "default" {
		t.Errorf("fileServicesName = %v, want default", files)
	}
	for token, prop := range map[string]string{
		"azure-native:resources:ResourceGroup":              "resourceGroupName",
		"azure-native:storage:StorageAccount":               "accountName",
		"azure-native:compute:VirtualMachineScaleSet":       "vmScaleSetName",
		"azure-native:network:LoadBalancer":                 "loadBalancerName",
		"azure-native:network:PublicIPAddress":              "publicIpAddressName",
		"azure-native:managedidentity:UserAssignedIdentity": "resourceName",
	} {
		got := check(t, s, urnOf(token, "n"), nil, pm(t, nil), "seed")
		if !strings.HasPrefix(atString(t, got, prop), "n") {
			t.Errorf("%s: no auto-name in %s: %v", token, prop, got)
		}
	}
}

func TestCheckUnknownResourceGroupMakesLocationUnknown(t *testing.T) {
	s := configured(t, nil)
	in := resource.PropertyMap{"resourceGroupName": resource.MakeComputed(resource.NewStringProperty(""))}
	got := check(t, s, urnOf(vnetToken, "v"), nil, in, "seed")
	if !at(t, got, "location").IsComputed() {
		t.Errorf("location = %v, want unknown while the resource group is", got["location"])
	}
}

func TestUnknownTypeIsAClearError(t *testing.T) {
	s := configured(t, nil)
	_, err := s.Check(ctx, &pulumirpc.CheckRequest{Urn: urnOf("azure-native:web:WebApp", "app"), News: wireOf(t, nil)})
	if err == nil || !strings.Contains(err.Error(), `"azure-native:web:WebApp" is not supported`) {
		t.Errorf("err = %v", err)
	}
}
