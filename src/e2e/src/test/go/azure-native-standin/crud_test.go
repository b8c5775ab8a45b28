package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const uuidPattern = `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`

func TestCreatePublicIPHasAddressFqdnAndArmID(t *testing.T) {
	t.Setenv("STANDIN_SUBSCRIPTION_ID", "")
	s := configured(t, nil)
	urn := urnOf("azure-native:network:PublicIPAddress", "dsvm-dev-ip")
	id, out := create(t, s, urn, pm(t, map[string]any{
		"publicIpAddressName": "dsvm-dev-ip1a2b3c4d", "resourceGroupName": "dsvm-dev-rg", "location": "westeurope",
		"dnsSettings": map[string]any{"domainNameLabel": "dsvm-dev-42"},
	}), false)
	want := "/subscriptions/" + fakeSubscriptionID +
		"/resourceGroups/dsvm-dev-rg/providers/Microsoft.Network/publicIPAddresses/dsvm-dev-ip1a2b3c4d"
	if id != want || atString(t, out, "id") != want {
		t.Errorf("id = %q / %q, want %q", id, atString(t, out, "id"), want)
	}
	if !regexp.MustCompile(`^203\.0\.113\.\d+$`).MatchString(atString(t, out, "ipAddress")) {
		t.Errorf("ipAddress = %v", out["ipAddress"])
	}
	if got := atString(t, out, "dnsSettings.fqdn"); got != "dsvm-dev-42.westeurope.cloudapp.azure.com" {
		t.Errorf("fqdn = %q", got)
	}
	if atString(t, out, "dnsSettings.domainNameLabel") != "dsvm-dev-42" {
		t.Errorf("the input inside dnsSettings is lost: %v", out["dnsSettings"])
	}
	for path, want := range map[string]string{
		"name": "dsvm-dev-ip1a2b3c4d", "type": "Microsoft.Network/publicIPAddresses", "provisioningState": "Succeeded",
	} {
		if got := atString(t, out, path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	_, again := create(t, s, urn, pm(t, map[string]any{
		"publicIpAddressName": "dsvm-dev-ip1a2b3c4d", "resourceGroupName": "dsvm-dev-rg", "location": "westeurope",
	}), false)
	if atString(t, again, "ipAddress") != atString(t, out, "ipAddress") {
		t.Errorf("the address is not deterministic")
	}
}

func TestCreateIdentityAndChildrenIDs(t *testing.T) {
	t.Setenv("STANDIN_SUBSCRIPTION_ID", "11111111-2222-3333-4444-555555555555")
	s := configured(t, nil)
	urn := urnOf("azure-native:managedidentity:UserAssignedIdentity", "dsvm-dev-identity")
	_, out := create(t, s, urn, pm(t, map[string]any{"resourceName": "idn", "resourceGroupName": "rg"}), false)
	for _, p := range []string{"principalId", "clientId", "tenantId"} {
		if !regexp.MustCompile(uuidPattern).MatchString(atString(t, out, p)) {
			t.Errorf("%s = %v", p, out[resource.PropertyKey(p)])
		}
	}
	if atString(t, out, "principalId") == atString(t, out, "clientId") {
		t.Errorf("principalId and clientId are one value")
	}
	if !strings.HasPrefix(atString(t, out, "id"), "/subscriptions/11111111-2222-3333-4444-555555555555/") {
		t.Errorf("STANDIN_SUBSCRIPTION_ID is not used: %v", out["id"])
	}
	share, _ := create(t, s, urnOf("azure-native:storage:FileShare", "share"), pm(t, map[string]any{
		"shareName": "dsvmshare", "accountName": "acct", "resourceGroupName": "rg",
	}), false)
	if !strings.HasSuffix(share, "/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct/fileServices/default/shares/dsvmshare") {
		t.Errorf("share id = %s", share)
	}
	role, _ := create(t, s, urnOf("azure-native:authorization:RoleAssignment", "ra"), pm(t, map[string]any{
		"roleAssignmentName": "0000", "scope": "/subscriptions/x/resourceGroups/rg",
	}), false)
	if role != "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments/0000" {
		t.Errorf("role assignment id = %s", role)
	}
	definition, _ := create(t, s, urnOf("azure-native:authorization:RoleDefinition", "rd"), pm(t, map[string]any{
		"roleDefinitionId": "1111", "scope": "/subscriptions/x/resourceGroups/rg", "roleName": "session agent",
	}), false)
	if definition != "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Authorization/roleDefinitions/1111" {
		t.Errorf("role definition id = %s", definition)
	}
}

func TestCreateScaleSetKeepsSecretsWhereTheyCame(t *testing.T) {
	s := configured(t, nil)
	in := pm(t, vmssInputs(2, "a"))
	in["identity"] = resource.NewObjectProperty(resource.PropertyMap{"type": resource.NewStringProperty("SystemAssigned, UserAssigned")})
	in["virtualMachineProfile"] = resource.NewObjectProperty(resource.PropertyMap{
		"osProfile": resource.NewObjectProperty(resource.PropertyMap{
			"adminUsername": resource.NewStringProperty("azureuser"),
			"adminPassword": resource.MakeSecret(resource.NewStringProperty("S3cret-pass!")),
		}),
	})
	_, out := create(t, s, urnOf(vmssToken, "dsvm-dev-vmss"), in, false)
	password := at(t, out, "virtualMachineProfile.osProfile.adminPassword")
	if !password.IsSecret() || password.SecretValue().Element.StringValue() != "S3cret-pass!" {
		t.Errorf("adminPassword = %v, want the secret back as a secret", password)
	}
	if !at(t, out, inputsKey).IsSecret() {
		t.Errorf("the provider's copy of the inputs must be one secret: %v", out[inputsKey])
	}
	if !regexp.MustCompile(uuidPattern).MatchString(atString(t, out, "uniqueId")) ||
		!regexp.MustCompile(uuidPattern).MatchString(atString(t, out, "identity.principalId")) {
		t.Errorf("uniqueId / identity.principalId: %v / %v", out["uniqueId"], out["identity"])
	}
	if atString(t, out, "identity.type") != "SystemAssigned, UserAssigned" {
		t.Errorf("identity.type lost: %v", out["identity"])
	}
}

func TestCreateStorageAndVaultOutputs(t *testing.T) {
	s := configured(t, nil)
	_, acct := create(t, s, urnOf("azure-native:storage:StorageAccount", "st"), pm(t, map[string]any{
		"accountName": "dsvmdev1234", "resourceGroupName": "rg", "location": "westeurope",
	}), false)
	if got := atString(t, acct, "primaryEndpoints.file"); got != "https://dsvmdev1234.file.core.windows.net/" {
		t.Errorf("primaryEndpoints.file = %q", got)
	}
	_, vault := create(t, s, urnOf("azure-native:keyvault:Vault", "kv"), pm(t, map[string]any{
		"vaultName": "dsvmkv", "resourceGroupName": "rg", "location": "westeurope",
		"properties": map[string]any{"enableRbacAuthorization": true},
	}), false)
	if got := atString(t, vault, "properties.vaultUri"); got != "https://dsvmkv.vault.azure.net/" {
		t.Errorf("vaultUri = %q", got)
	}
	if !at(t, vault, "properties.enableRbacAuthorization").BoolValue() {
		t.Errorf("inputs under properties lost: %v", vault["properties"])
	}
}

func TestPreviewCreateLeavesReadOnlyOutputsUnknown(t *testing.T) {
	s := configured(t, nil)
	_, out := create(t, s, urnOf("azure-native:network:PublicIPAddress", "ip"), pm(t, map[string]any{
		"publicIpAddressName": "ip1", "resourceGroupName": "rg", "location": "westeurope",
	}), true)
	if !at(t, out, "ipAddress").IsComputed() || !at(t, out, "id").IsComputed() {
		t.Errorf("preview outputs: %v", out)
	}
	if atString(t, out, "location") != "westeurope" {
		t.Errorf("inputs are known in a preview: %v", out)
	}
}

func TestReadAppliesDriftToOutputsAndInputs(t *testing.T) {
	s := configured(t, nil)
	urn := urnOf(vmssToken, "dsvm-dev-vmss")
	id, state := create(t, s, urn, pm(t, vmssInputs(2, "a")), false)
	ins := pm(t, vmssInputs(2, "a"))

	drift := filepath.Join(t.TempDir(), "drift.json")
	t.Setenv(driftEnv, drift)
	read := func() (resource.PropertyMap, resource.PropertyMap) {
		resp, err := s.Read(ctx, &pulumirpc.ReadRequest{Id: id, Urn: urn, Properties: wireOf(t, state), Inputs: wireOf(t, ins)})
		if err != nil {
			t.Fatal(err)
		}
		if resp.GetId() != id {
			t.Errorf("id = %q, want %q", resp.GetId(), id)
		}
		return readBack(t, resp.GetProperties()), readBack(t, resp.GetInputs())
	}
	if outs, _ := read(); at(t, outs, "sku.capacity").NumberValue() != 2 {
		t.Errorf("no drift file yet, yet capacity %v", outs["sku"])
	}
	for _, key := range []string{"dsvm-dev-vmss", urn} {
		writeJSON(t, drift, map[string]any{key: map[string]any{"sku.capacity": 3}, "other": map[string]any{"sku.capacity": 9}})
		outs, newIns := read()
		for name, m := range map[string]resource.PropertyMap{"outputs": outs, "inputs": newIns} {
			if got := at(t, m, "sku.capacity").NumberValue(); got != 3 {
				t.Errorf("%s (drift keyed by %s): sku.capacity = %v, want 3", name, key, got)
			}
		}
		inner := at(t, outs, inputsKey).SecretValue().Element.ObjectValue()
		if got := at(t, inner, "sku.capacity").NumberValue(); got != 3 {
			t.Errorf("__inputs keeps capacity %v", got)
		}
	}
	writeJSON(t, drift, map[string]any{})
	if outs, _ := read(); at(t, outs, "sku.capacity").NumberValue() != 2 {
		t.Errorf("no drift, yet capacity %v", outs["sku"])
	}
}

func TestUpdateAndDelete(t *testing.T) {
	s := configured(t, nil)
	urn := urnOf(vmssToken, "dsvm-dev-vmss")
	id, olds := create(t, s, urn, pm(t, vmssInputs(2, "a")), false)
	resp, err := s.Update(ctx, &pulumirpc.UpdateRequest{Id: id, Urn: urn, Olds: wireOf(t, olds), News: wireOf(t, pm(t, vmssInputs(2, "b")))})
	if err != nil {
		t.Fatal(err)
	}
	out := readBack(t, resp.GetProperties())
	if atString(t, out, "tags.team") != "b" || atString(t, out, "uniqueId") != atString(t, olds, "uniqueId") {
		t.Errorf("update outputs: %v", out)
	}
	if _, err := s.Delete(ctx, &pulumirpc.DeleteRequest{Id: id, Urn: urn, Properties: wireOf(t, out)}); err != nil {
		t.Fatal(err)
	}
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Found under the real engine with the prod stack: the Java SDK refuses a scale set whose
// identity.userAssignedIdentities comes back as the input array; Azure answers with a map keyed by the ids.
func TestCreateAnswersUserAssignedIdentitiesAsAMapByID(t *testing.T) {
	s := configured(t, nil)
	urn := urnOf("azure-native:compute:VirtualMachineScaleSet", "dsvm-prod-vmss")
	identityID := "/subscriptions/" + fakeSubscriptionID +
		"/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/idn"
	in := pm(t, map[string]any{"vmScaleSetName": "vmss", "resourceGroupName": "rg", "location": "westeurope",
		"identity": map[string]any{"type": "SystemAssigned, UserAssigned", "userAssignedIdentities": []any{identityID}}})
	_, out := create(t, s, urn, in, false)
	assigned := at(t, out, "identity").ObjectValue()["userAssignedIdentities"]
	if !assigned.IsObject() || len(assigned.ObjectValue()) != 1 {
		t.Fatalf("identity.userAssignedIdentities = %v, want a map with one id", assigned)
	}
	entry := assigned.ObjectValue()[resource.PropertyKey(identityID)]
	if !entry.IsObject() {
		t.Fatalf("no entry for %s in %v", identityID, assigned)
	}
	for _, p := range []string{"principalId", "clientId"} {
		if v := entry.ObjectValue()[resource.PropertyKey(p)]; !v.IsString() ||
			!regexp.MustCompile(uuidPattern).MatchString(v.StringValue()) {
			t.Errorf("%s = %v", p, v)
		}
	}
	if atString(t, out, "identity.principalId") == "" || atString(t, out, "identity.type") != "SystemAssigned, UserAssigned" {
		t.Errorf("the system identity or the type is lost: %v", out["identity"])
	}

	in["identity"].ObjectValue()["userAssignedIdentities"] = resource.NewArrayProperty(
		[]resource.PropertyValue{resource.MakeComputed(resource.NewStringProperty(""))})
	_, previewed := create(t, s, urn, in, true)
	if v := at(t, previewed, "identity").ObjectValue()["userAssignedIdentities"]; !v.IsComputed() {
		t.Errorf("with an unknown id the map is unknown, not %v", v)
	}
}
