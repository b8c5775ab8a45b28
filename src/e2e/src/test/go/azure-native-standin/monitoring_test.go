package main

import (
	"reflect"
	"testing"
)

// The monitoring resources: extension resources hang under resourceUri, and moving one to another target replaces it.
func TestMonitoringExtensionResourcesHangUnderResourceURI(t *testing.T) {
	s := configured(t, nil)
	vault := "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"
	setting, _ := create(t, s, urnOf("azure-native:insights:DiagnosticSetting", "audit"), pm(t, map[string]any{
		"name": "audit", "resourceUri": vault, "workspaceId": "/subscriptions/x/resourceGroups/rg/providers/" +
			"Microsoft.OperationalInsights/workspaces/logs",
	}), false)
	if setting != vault+"/providers/Microsoft.Insights/diagnosticSettings/audit" {
		t.Errorf("diagnostic setting id = %s", setting)
	}
	vmss := "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/pool"
	association, _ := create(t, s, urnOf("azure-native:insights:DataCollectionRuleAssociation", "dcra"),
		pm(t, map[string]any{"associationName": "dcra", "resourceUri": vmss, "dataCollectionRuleId": "r"}), false)
	if association != vmss+"/providers/Microsoft.Insights/dataCollectionRuleAssociations/dcra" {
		t.Errorf("association id = %s", association)
	}
	olds := map[string]any{"associationName": "dcra", "resourceUri": vmss, "dataCollectionRuleId": "r"}
	news := map[string]any{"associationName": "dcra", "resourceUri": vmss + "2", "dataCollectionRuleId": "r"}
	resp := diff(t, s, urnOf("azure-native:insights:DataCollectionRuleAssociation", "dcra"), pm(t, olds), pm(t, news))
	if !reflect.DeepEqual(resp.GetReplaces(), []string{"resourceUri"}) {
		t.Errorf("another target must replace: %v", resp)
	}
}

func TestMonitoringResourcesInAResourceGroup(t *testing.T) {
	s := configured(t, nil)
	for token, name := range map[string]string{
		"azure-native:operationalinsights:Workspace": "workspaceName",
		"azure-native:insights:DataCollectionRule":   "dataCollectionRuleName",
		"azure-native:insights:ActionGroup":          "actionGroupName",
		"azure-native:insights:ScheduledQueryRule":   "ruleName",
		"azure-native:insights:ActivityLogAlert":     "activityLogAlertName",
	} {
		id, out := create(t, s, urnOf(token, "m"), pm(t, map[string]any{
			name: "m", "resourceGroupName": "rg", "location": "westeurope",
		}), false)
		want := "/subscriptions/" + subscriptionID() + "/resourceGroups/rg/providers/" + resourceTypes[token].armType() + "/m"
		if id != want || atString(t, out, "type") != resourceTypes[token].armType() {
			t.Errorf("%s: id %s, want %s", token, id, want)
		}
	}
}
