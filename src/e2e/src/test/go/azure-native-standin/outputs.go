package main

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Fixed fake identities: recognisably fake, valid UUID syntax, never a real tenant or subscription.
const (
	fakeSubscriptionID = "5ca1ab1e-0000-4000-8000-000000000001"
	fakeTenantID       = "5ca1ab1e-0000-4000-8000-000000000002"
	fakeClientID       = "5ca1ab1e-0000-4000-8000-000000000003"
	fakeObjectID       = "5ca1ab1e-0000-4000-8000-000000000004"
)

// armID builds the resource id Azure would return, from the ARM path of the resource's REST spec.
func armID(t resourceType, in resource.PropertyMap) (string, error) {
	str := func(key string) (string, error) {
		v, ok := in[resource.PropertyKey(key)]
		for ok && v.IsSecret() {
			v = v.SecretValue().Element
		}
		if !ok || !v.IsString() || v.StringValue() == "" {
			return "", errorf("cannot build the resource id: input %q is missing or not a known string", key)
		}
		return v.StringValue(), nil
	}
	name, err := str(t.nameProp)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	switch {
	case t.isResourceGroup():
		return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s", subscriptionID(), name), nil
	case t.isScoped():
		scope, err := str(t.scopeInput())
		if err != nil {
			return "", err
		}
		b.WriteString(strings.TrimSuffix(scope, "/"))
	default:
		rg, err := str("resourceGroupName")
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "/subscriptions/%s/resourceGroups/%s", subscriptionID(), rg)
	}
	b.WriteString("/providers/" + t.namespace)
	for _, p := range t.parents {
		parentName := p.fixed
		if p.prop != "" {
			if parentName, err = str(p.prop); err != nil {
				return "", err
			}
		}
		b.WriteString("/" + p.segment + "/" + parentName)
	}
	b.WriteString("/" + t.segment + "/" + name)
	return b.String(), nil
}

// readOnlyOutputs are the properties Azure returns besides the inputs (the SDK's output shape: flattened where
// azure-native flattens x-ms-client-flatten properties, under `properties` where it does not).
func readOnlyOutputs(token string, t resourceType, urn string, in resource.PropertyMap) (resource.PropertyMap, error) {
	id, err := armID(t, in)
	if err != nil {
		return nil, err
	}
	name := id[strings.LastIndex(id, "/")+1:]
	out := resource.PropertyMap{
		"id":   resource.NewStringProperty(id),
		"name": resource.NewStringProperty(name),
		"type": resource.NewStringProperty(t.armType()),
	}
	succeeded := resource.NewStringProperty("Succeeded")
	switch t.provisioningState {
	case "top":
		out["provisioningState"] = succeeded
	case "properties":
		out["properties"] = object(resource.PropertyMap{"provisioningState": succeeded})
	}
	identity := resource.PropertyMap{}
	if identityType(in, "SystemAssigned") {
		identity["principalId"] = str(fakeUUID(urn, "identity.principalId"))
		identity["tenantId"] = str(fakeTenantID)
	}
	if assigned, ok := userAssignedIdentities(urn, in); ok {
		identity["userAssignedIdentities"] = assigned
	}
	if len(identity) > 0 {
		out["identity"] = object(identity)
	}

	switch token {
	case "azure-native:managedidentity:UserAssignedIdentity":
		out["principalId"] = str(fakeUUID(urn, "principalId"))
		out["clientId"] = str(fakeUUID(urn, "clientId"))
		out["tenantId"] = str(fakeTenantID)
	case "azure-native:network:PublicIPAddress":
		out["ipAddress"] = str(fmt.Sprintf("203.0.113.%d", 1+int(hash(urn)[0])%254)) // TEST-NET-3, RFC 5737
		if label, ok := stringAt(in, "dnsSettings", "domainNameLabel"); ok {
			location, _ := stringAt(in, "location")
			out["dnsSettings"] = object(resource.PropertyMap{
				"fqdn": str(fmt.Sprintf("%s.%s.cloudapp.azure.com", label, normalizedLocation(location))),
			})
		}
	case "azure-native:storage:StorageAccount":
		endpoints := resource.PropertyMap{}
		for _, service := range []string{"blob", "dfs", "file", "queue", "table", "web"} {
			endpoints[resource.PropertyKey(service)] = str(fmt.Sprintf("https://%s.%s.core.windows.net/", name, service))
		}
		out["primaryEndpoints"] = object(endpoints)
		if location, ok := stringAt(in, "location"); ok {
			out["primaryLocation"] = str(location)
		}
		out["statusOfPrimary"] = str("available")
	case "azure-native:compute:VirtualMachineScaleSet":
		out["uniqueId"] = str(fakeUUID(urn, "uniqueId"))
	case "azure-native:keyvault:Vault":
		out["properties"] = object(resource.PropertyMap{
			"provisioningState": succeeded,
			"vaultUri":          str(fmt.Sprintf("https://%s.vault.azure.net/", name)),
		})
	case "azure-native:keyvault:Secret":
		vault, _ := stringAt(in, "vaultName")
		uri := fmt.Sprintf("https://%s.vault.azure.net/secrets/%s", vault, name)
		version := hash(urn + "#version")
		out["properties"] = object(resource.PropertyMap{
			"secretUri":            str(uri),
			"secretUriWithVersion": str(uri + "/" + fmt.Sprintf("%x", version[:16])),
		})
	}
	return out, nil
}

// withOutputs is inputs + read-only outputs, objects merged (dnsSettings keeps its domainNameLabel).
func withOutputs(in, readOnly resource.PropertyMap) resource.PropertyMap {
	out := in.Copy()
	for k, v := range readOnly {
		if old, ok := out[k]; ok && old.IsObject() && v.IsObject() {
			out[k] = object(withOutputs(old.ObjectValue(), v.ObjectValue()))
			continue
		}
		out[k] = v
	}
	return out
}

// unknownLeaves is what a preview returns for read-only outputs: the real provider marks them computed.
func unknownLeaves(m resource.PropertyMap) resource.PropertyMap {
	out := resource.PropertyMap{}
	for k, v := range m {
		if v.IsObject() {
			out[k] = object(unknownLeaves(v.ObjectValue()))
			continue
		}
		out[k] = resource.MakeComputed(resource.NewStringProperty(""))
	}
	return out
}

// userAssignedIdentities is Azure's answer for the identity ids a resource was given: azure-native v2 takes them
// as an array of ids but returns a map from each id to the identity's principalId and clientId (the SDKs' output
// type, e.g. Java's VirtualMachineScaleSetIdentityResponse, has a Map there and refuses the array; Learn:
// ManagedServiceIdentity.UserAssignedIdentities "dictionary keys will be ARM resource ids"). Unknown while an id
// is unknown (a preview before the identity exists).
func userAssignedIdentities(urn string, in resource.PropertyMap) (resource.PropertyValue, bool) {
	identity, ok := in["identity"]
	if identity = unsecret(identity); !ok || !identity.IsObject() {
		return resource.PropertyValue{}, false
	}
	ids, ok := identity.ObjectValue()["userAssignedIdentities"]
	if ids = unsecret(ids); !ok || !ids.IsArray() {
		return resource.PropertyValue{}, false
	}
	byID := resource.PropertyMap{}
	for _, id := range ids.ArrayValue() {
		if id = unsecret(id); !id.IsString() {
			return resource.MakeComputed(resource.NewStringProperty("")), true
		}
		byID[resource.PropertyKey(id.StringValue())] = object(resource.PropertyMap{
			"principalId": str(fakeUUID(id.StringValue(), "principalId")),
			"clientId":    str(fakeUUID(id.StringValue(), "clientId")),
		})
	}
	return object(byID), true
}

func identityType(in resource.PropertyMap, kind string) bool {
	t, ok := stringAt(in, "identity", "type")
	return ok && strings.Contains(t, kind)
}

// stringAt reads a known string at a path of object keys, through secrets.
func stringAt(m resource.PropertyMap, keys ...string) (string, bool) {
	v := resource.NewObjectProperty(m)
	for _, k := range keys {
		v = unsecret(v)
		if !v.IsObject() {
			return "", false
		}
		var ok bool
		if v, ok = v.ObjectValue()[resource.PropertyKey(k)]; !ok {
			return "", false
		}
	}
	v = unsecret(v)
	if !v.IsString() {
		return "", false
	}
	return v.StringValue(), true
}

// fakeUUID is a UUID (version 5) derived from the URN and a purpose: the same resource always gets the same one.
func fakeUUID(urn, purpose string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte(urn+"#"+purpose)).String()
}

func hash(s string) [32]byte { return sha256.Sum256([]byte(s)) }

func str(s string) resource.PropertyValue { return resource.NewStringProperty(s) }

func object(m resource.PropertyMap) resource.PropertyValue { return resource.NewObjectProperty(m) }
