package main

import "sort"

// autoName is how Check fills a missing name property, as azure-native's getDefaultName does
// (provider/pkg/provider/provider.go): "random" = logical name + 8 hex characters from the engine's randomSeed,
// "uuid" = a UUID from the same seed; fixed = the only name Azure accepts (e.g. "default" for file services).
type autoName struct {
	uuid  bool
	fixed string
}

// parent is one ARM path segment above the resource: the collection and the input property naming the parent
// (or a fixed name, as ".../fileServices/default/shares/{shareName}" has).
type parent struct {
	segment string
	prop    string
	fixed   string
}

// resourceType is what the stand-in knows of one azure-native resource: its ARM path (REST spec PUT path, which
// decides the id and, as path parameters, what forces replacement) and where Azure puts its read-only outputs.
type resourceType struct {
	namespace string   // ARM resource provider, e.g. Microsoft.Network
	parents   []parent // ARM path segments between the namespace and the resource's own collection
	segment   string   // the resource's own collection, e.g. virtualNetworks
	nameProp  string   // the path parameter naming the resource (its SDK name)
	autoName  autoName
	location  bool // the PUT body has a top-level location (auto-location applies)
	// forceNew: body properties that force replacement besides path parameters and location; from azure-native's
	// forceNewMap (provider/pkg/gen/replacement.go), e.g. RoleAssignment after pulumi-azure-native issue 771
	// ("RoleAssignmentUpdateNotPermitted: ... principal ID, and scope are not allowed to be updated").
	forceNew []string
	// provisioningState: "" when the API returns none, "top" when the SDK flattens it to a top-level output,
	// "properties" when it stays under properties (resource groups, vaults).
	provisioningState string
	// scopeProp: for extension resources, the input holding the ARM id they hang under ("scope" for
	// Microsoft.Authorization; "resourceUri" for diagnostic settings and data collection rule associations).
	scopeProp string
}

// armType is the "type" output, e.g. Microsoft.Network/virtualNetworks/subnets.
func (t resourceType) armType() string {
	s := t.namespace
	for _, p := range t.parents {
		s += "/" + p.segment
	}
	return s + "/" + t.segment
}

// The resources dsvm-pool registers (grep `new [A-Z][A-Za-z]*(` under src/main/java/io/github/dsvmpool/pool), with
// the ARM paths of their REST API specs (azure-rest-api-specs, resource-manager PUT operations).
var resourceTypes = map[string]resourceType{
	"azure-native:resources:ResourceGroup": {
		namespace: "Microsoft.Resources", segment: "resourceGroups", nameProp: "resourceGroupName",
		location: true, provisioningState: "properties",
	},
	"azure-native:network:VirtualNetwork": {
		namespace: "Microsoft.Network", segment: "virtualNetworks", nameProp: "virtualNetworkName",
		location: true, provisioningState: "top",
	},
	"azure-native:network:Subnet": {
		namespace: "Microsoft.Network", segment: "subnets", nameProp: "subnetName",
		parents:           []parent{{segment: "virtualNetworks", prop: "virtualNetworkName"}},
		provisioningState: "top",
	},
	// The pool's subnet at network API 2023-05-01 (defaultOutboundAccess), which azure-native 2.10.0 serves as an
	// explicit version (pool's PrivateSubnet binding): the same ARM path as the default type.
	"azure-native:network/v20230501:Subnet": {
		namespace: "Microsoft.Network", segment: "subnets", nameProp: "subnetName",
		parents:           []parent{{segment: "virtualNetworks", prop: "virtualNetworkName"}},
		provisioningState: "top",
	},
	"azure-native:network:NetworkSecurityGroup": {
		namespace: "Microsoft.Network", segment: "networkSecurityGroups", nameProp: "networkSecurityGroupName",
		location: true, provisioningState: "top",
	},
	"azure-native:network:PublicIPAddress": {
		namespace: "Microsoft.Network", segment: "publicIPAddresses", nameProp: "publicIpAddressName",
		location: true, provisioningState: "top",
		forceNew: []string{"publicIPAddressVersion", "publicIPPrefix", "sku"},
	},
	"azure-native:network:LoadBalancer": {
		namespace: "Microsoft.Network", segment: "loadBalancers", nameProp: "loadBalancerName",
		location: true, provisioningState: "top",
	},
	"azure-native:network:NatGateway": {
		namespace: "Microsoft.Network", segment: "natGateways", nameProp: "natGatewayName",
		location: true, provisioningState: "top",
	},
	"azure-native:compute:VirtualMachineScaleSet": {
		namespace: "Microsoft.Compute", segment: "virtualMachineScaleSets", nameProp: "vmScaleSetName",
		location: true, provisioningState: "top",
	},
	"azure-native:storage:StorageAccount": {
		namespace: "Microsoft.Storage", segment: "storageAccounts", nameProp: "accountName",
		location: true, provisioningState: "top", forceNew: []string{"isHnsEnabled"},
	},
	"azure-native:storage:FileServiceProperties": {
		namespace: "Microsoft.Storage", segment: "fileServices", nameProp: "fileServicesName",
		parents:  []parent{{segment: "storageAccounts", prop: "accountName"}},
		autoName: autoName{fixed: "default"}, // the REST spec's FileServicesName enum has the one value "default"
	},
	"azure-native:storage:FileShare": {
		namespace: "Microsoft.Storage", segment: "shares", nameProp: "shareName",
		parents: []parent{
			{segment: "storageAccounts", prop: "accountName"},
			{segment: "fileServices", fixed: "default"},
		},
	},
	"azure-native:insights:AutoscaleSetting": {
		namespace: "Microsoft.Insights", segment: "autoscalesettings", nameProp: "autoscaleSettingName",
		location: true,
	},
	"azure-native:keyvault:Vault": {
		namespace: "Microsoft.KeyVault", segment: "vaults", nameProp: "vaultName",
		location: true, provisioningState: "properties",
	},
	"azure-native:keyvault:Secret": {
		namespace: "Microsoft.KeyVault", segment: "secrets", nameProp: "secretName",
		parents: []parent{{segment: "vaults", prop: "vaultName"}},
	},
	"azure-native:managedidentity:UserAssignedIdentity": {
		namespace: "Microsoft.ManagedIdentity", segment: "userAssignedIdentities", nameProp: "resourceName",
		location: true,
	},
	// Extension resource: PUT /{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}.
	"azure-native:authorization:RoleAssignment": {
		namespace: "Microsoft.Authorization", segment: "roleAssignments", nameProp: "roleAssignmentName",
		autoName: autoName{uuid: true}, forceNew: []string{"principalId"},
	},
	// Extension resource: PUT /{scope}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}
	// (authorization RoleDefinitions_CreateOrUpdate); azure-native names it with a UUID when none is given.
	"azure-native:authorization:RoleDefinition": {
		namespace: "Microsoft.Authorization", segment: "roleDefinitions", nameProp: "roleDefinitionId",
		autoName: autoName{uuid: true},
	},
	// Monitoring (the pool's PoolMonitoring), PUT paths of the monitor and operationalinsights REST specs.
	"azure-native:operationalinsights:Workspace": {
		namespace: "Microsoft.OperationalInsights", segment: "workspaces", nameProp: "workspaceName",
		location: true, provisioningState: "top",
	},
	"azure-native:insights:DataCollectionRule": {
		namespace: "Microsoft.Insights", segment: "dataCollectionRules", nameProp: "dataCollectionRuleName",
		location: true, provisioningState: "top",
	},
	// Extension resource: PUT /{resourceUri}/providers/Microsoft.Insights/dataCollectionRuleAssociations/{associationName}.
	"azure-native:insights:DataCollectionRuleAssociation": {
		namespace: "Microsoft.Insights", segment: "dataCollectionRuleAssociations", nameProp: "associationName",
		scopeProp: "resourceUri", provisioningState: "top",
	},
	"azure-native:insights:ActionGroup": {
		namespace: "Microsoft.Insights", segment: "actionGroups", nameProp: "actionGroupName", location: true,
	},
	"azure-native:insights:ScheduledQueryRule": {
		namespace: "Microsoft.Insights", segment: "scheduledQueryRules", nameProp: "ruleName", location: true,
	},
	"azure-native:insights:ActivityLogAlert": {
		namespace: "Microsoft.Insights", segment: "activityLogAlerts", nameProp: "activityLogAlertName",
		location: true,
	},
	// Extension resource: PUT /{resourceUri}/providers/Microsoft.Insights/diagnosticSettings/{name}.
	"azure-native:insights:DiagnosticSetting": {
		namespace: "Microsoft.Insights", segment: "diagnosticSettings", nameProp: "name", scopeProp: "resourceUri",
	},
}

// isScoped: the resource hangs under an arbitrary ARM id (scopeInput) instead of a resource group.
func (t resourceType) isScoped() bool {
	return t.namespace == "Microsoft.Authorization" || t.scopeProp != ""
}

// scopeInput names the input holding that ARM id.
func (t resourceType) scopeInput() string {
	if t.scopeProp != "" {
		return t.scopeProp
	}
	return "scope"
}

func (t resourceType) isResourceGroup() bool { return t.namespace == "Microsoft.Resources" }

// pathParams are the inputs that are ARM path parameters: changing one addresses another resource, so the real
// provider replaces (diff.go: "All the parameters that are part of the resource path cause a replacement").
func (t resourceType) pathParams() []string {
	params := []string{t.nameProp}
	switch {
	case t.isScoped():
		params = append(params, t.scopeInput())
	case !t.isResourceGroup():
		params = append(params, "resourceGroupName")
	}
	for _, p := range t.parents {
		if p.prop != "" {
			params = append(params, p.prop)
		}
	}
	return params
}

func supportedTokens() []string {
	tokens := make([]string, 0, len(resourceTypes))
	for token := range resourceTypes {
		tokens = append(tokens, token)
	}
	sort.Strings(tokens)
	return tokens
}
