/**
 * The VM side of a Windows pool: the provisioning script the CustomScriptExtension runs once as LocalSystem, the
 * scheduled task script that maps the Azure Files share for every user, their quoting, and the health probe.
 * Pure: no Pulumi resources are declared here (docs/windows.md).
 */
package io.github.dsvmpool.vm.windows;
