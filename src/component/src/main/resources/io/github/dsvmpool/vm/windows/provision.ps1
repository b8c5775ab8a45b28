# dsvm-pool: provisions one VM of a Windows pool. The CustomScriptExtension (Microsoft.Compute, 1.10) runs it once
# per VM as LocalSystem (Learn "Custom Script Extension for Windows"); WindowsProvisioningScript puts the
# parameters in front of this body as single-quoted assignments:
#   $DsvmStorageAccount, $DsvmShareName, $DsvmEndpointSuffix  the share \\<account>.file.<suffix>\<share>
#   $DsvmDriveLetter                                          the drive letter every user sees (D-Z)
#   $DsvmRdpPort, $DsvmRdpPerVmPort                           Remote Desktop's port, and the backend port of the VM's
#                                                             own frontend port (inbound NAT rule V2), forwarded to it
#   $DsvmKeyVaultUrl, $DsvmKeyVaultSecret, $DsvmKeyVaultResource, $DsvmIdentityClientId
#                                                             where the mount task reads the storage key (empty: none)
#   $DsvmSessionAgentSha256                                   SHA-256 of the userData this deployment ships
#   $DsvmStorageKey                                           the key itself when there is no Key Vault (else empty)
#   $DsvmMountScript                                          the text of mount-share.ps1
# What it leaves behind: %ProgramData%\dsvm-pool\ (writable by SYSTEM and Administrators only) holding
# mount-share.ps1 and mount-share.json (nothing secret), without Key Vault also storage-key.dpapi (the key protected
# with DPAPI for SYSTEM, readable by SYSTEM only), and the scheduled task dsvm-pool-mount-share, run as SYSTEM at
# startup and at every logon, which keeps the share mapped for all users (SMB global mapping); and the forwarding of
# the per-VM RDP port with its firewall rule; and the firewall rule that keeps ordinary users from IMDS. Idempotent.
# From the scale set's userData also the session agent (session-agent.ps1, its .json, its installer) and its task.
# It never prints the key: the extension keeps the last 4,096 bytes of output in its status.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$DsvmFolder = Join-Path -Path $env:ProgramData -ChildPath 'dsvm-pool'
$MountScriptPath = Join-Path -Path $DsvmFolder -ChildPath 'mount-share.ps1'
$SettingsPath = Join-Path -Path $DsvmFolder -ChildPath 'mount-share.json'
$KeyPath = Join-Path -Path $DsvmFolder -ChildPath 'storage-key.dpapi'
$TaskName = 'dsvm-pool-mount-share'
$ImdsRuleName = 'dsvm-pool-imds-users'
# Whom the IMDS rule applies to, as the DACL of -LocalUser: SYSTEM, Administrators and service logons are denied,
# so exempt; everyone else is granted, so blocked. Order matters: the first matching entry decides.
$ImdsBlockedPrincipals = 'O:LSD:(D;;CC;;;SY)(D;;CC;;;BA)(D;;CC;;;SU)(A;;CC;;;WD)'
# The source of the pool's events (WindowsEventLog fills the placeholders), registered once for mount-share.ps1.
if (-not [System.Diagnostics.EventLog]::SourceExists('@EVENT_SOURCE@')) {
    New-EventLog -LogName '@EVENT_LOG@' -Source '@EVENT_SOURCE@'
}
# Well-known SIDs, so that the rules hold on a Windows of any language.
$SystemSid = 'S-1-5-18'
$AdministratorsSid = 'S-1-5-32-544'
$UsersSid = 'S-1-5-32-545'

function Write-Log {
    param([string]$Message)
    Write-Output ('dsvm-pool provision: ' + $Message)
}

function Assert-Matches {
    param([string]$Name, [string]$Value, [string]$Pattern)
    if ($Value -cnotmatch $Pattern) {
        throw ($Name + ' does not have the expected form ' + $Pattern)
    }
}

function Assert-Parameters {
    Assert-Matches -Name 'DsvmStorageAccount' -Value $DsvmStorageAccount -Pattern '^[a-z0-9]{3,24}$'
    Assert-Matches -Name 'DsvmShareName' -Value $DsvmShareName -Pattern '^[a-z0-9](-?[a-z0-9])*$'
    Assert-Matches -Name 'DsvmEndpointSuffix' -Value $DsvmEndpointSuffix -Pattern '^[a-z0-9]+(\.[a-z0-9-]+)+$'
    Assert-Matches -Name 'DsvmDriveLetter' -Value $DsvmDriveLetter -Pattern '^[D-Z]$'
    Assert-Matches -Name 'DsvmRdpPort' -Value $DsvmRdpPort -Pattern '^[1-9][0-9]{0,4}$'
    Assert-Matches -Name 'DsvmRdpPerVmPort' -Value $DsvmRdpPerVmPort -Pattern '^[1-9][0-9]{0,4}$'
    Assert-Matches -Name 'DsvmSessionAgentSha256' -Value $DsvmSessionAgentSha256 -Pattern '^[0-9a-f]{64}$'
    if ($DsvmKeyVaultUrl -ne '') {
        Assert-Matches -Name 'DsvmKeyVaultUrl' -Value $DsvmKeyVaultUrl -Pattern '^https://[A-Za-z0-9.-]+/?$'
        Assert-Matches -Name 'DsvmKeyVaultSecret' -Value $DsvmKeyVaultSecret -Pattern '^[A-Za-z0-9-]{1,127}$'
        Assert-Matches -Name 'DsvmKeyVaultResource' -Value $DsvmKeyVaultResource -Pattern '^https://[a-z0-9.-]+$'
        Assert-Matches -Name 'DsvmIdentityClientId' -Value $DsvmIdentityClientId -Pattern '^[0-9a-fA-F-]{36}$'
    } elseif ($DsvmStorageKey -eq '') {
        throw 'neither a Key Vault nor a storage key was given'
    }
}

# Owner and full control for SYSTEM and Administrators, read for Users, nothing inherited from %ProgramData%
# (whose default rules let Users create files in new subfolders): the task runs this folder's script as SYSTEM,
# so no ordinary user may change it.
function Set-FolderRules {
    param([string]$Path)
    $rules = New-Object -TypeName System.Security.AccessControl.DirectorySecurity
    $rules.SetAccessRuleProtection($true, $false)
    $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    $propagate = [System.Security.AccessControl.PropagationFlags]::None
    $allow = [System.Security.AccessControl.AccessControlType]::Allow
    foreach ($sid in @($SystemSid, $AdministratorsSid)) {
        $identity = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $sid
        $rules.AddAccessRule((New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList $identity, 'FullControl', $inherit, $propagate, $allow))
    }
    $users = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $UsersSid
    $rules.AddAccessRule((New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList $users, 'ReadAndExecute', $inherit, $propagate, $allow))
    $rules.SetOwner((New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $AdministratorsSid))
    Set-Acl -Path $Path -AclObject $rules
}

# SYSTEM alone may read the protected key file (Administrators can take ownership, as they can of anything).
function Set-SecretFileRules {
    param([string]$Path)
    $rules = New-Object -TypeName System.Security.AccessControl.FileSecurity
    $rules.SetAccessRuleProtection($true, $false)
    $system = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $SystemSid
    $rules.AddAccessRule((New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList $system, 'FullControl', 'Allow'))
    $rules.SetOwner($system)
    Set-Acl -Path $Path -AclObject $rules
}

function Write-Files {
    New-Item -ItemType Directory -Path $DsvmFolder -Force | Out-Null
    Set-FolderRules -Path $DsvmFolder
    Set-Content -Path $MountScriptPath -Value $DsvmMountScript -Encoding UTF8
    $settings = [ordered]@{
        storageAccount   = $DsvmStorageAccount
        shareName        = $DsvmShareName
        endpointSuffix   = $DsvmEndpointSuffix
        driveLetter      = $DsvmDriveLetter
        keyVaultUrl      = $DsvmKeyVaultUrl
        keyVaultSecret   = $DsvmKeyVaultSecret
        keyVaultResource = $DsvmKeyVaultResource
        identityClientId = $DsvmIdentityClientId
        keyFile          = $KeyPath
    }
    Set-Content -Path $SettingsPath -Value (ConvertTo-Json -InputObject $settings) -Encoding UTF8
    if ($DsvmKeyVaultUrl -eq '') {
        # DPAPI for the current user, here LocalSystem: only a process running as SYSTEM can decrypt it.
        $secure = ConvertTo-SecureString -String $DsvmStorageKey -AsPlainText -Force
        New-Item -ItemType File -Path $KeyPath -Force | Out-Null
        Set-SecretFileRules -Path $KeyPath
        Set-Content -Path $KeyPath -Value (ConvertFrom-SecureString -SecureString $secure) -Encoding ASCII
    } elseif (Test-Path -LiteralPath $KeyPath) {
        Remove-Item -LiteralPath $KeyPath -Force
    }
}

# At startup (the mapping back after a reboot, before anyone logs on) and at every user's logon (a user added
# later, or a mapping lost since), as SYSTEM: the key never enters a user's logon session.
function Register-MountTask {
    $arguments = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "' + $MountScriptPath + '"'
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $arguments
    $triggers = @((New-ScheduledTaskTrigger -AtStartup), (New-ScheduledTaskTrigger -AtLogOn))
    $principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
    $taskSettings = New-ScheduledTaskSettingsSet -StartWhenAvailable -MultipleInstances IgnoreNew -ExecutionTimeLimit (New-TimeSpan -Minutes 30)
    Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $triggers -Principal $principal -Settings $taskSettings -Force | Out-Null
}

# The session agent comes in userData (the command would not hold it): IMDS gives the base64 of gzip of
# {"files": {...}} (WindowsSessionAgent); its installer registers the agent's task. An instance's userData can be
# rewritten from outside the VM (Learn "User Data for Azure Virtual Machine") by anyone with the agent's role, so
# only the userData this deployment shipped is installed: its SHA-256 travels in this protected command.
function Install-SessionAgent {
    $encoded = ([string](Invoke-RestMethod -Uri 'http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text' -Headers @{ Metadata = 'true' } -UseBasicParsing -TimeoutSec 60)).Trim()
    if (-not $encoded) { throw 'the scale set has no userData: the session agent is missing' }
    $sha = [Security.Cryptography.SHA256]::Create()
    $actual = -join ($sha.ComputeHash([Text.Encoding]::ASCII.GetBytes($encoded)) | ForEach-Object { $_.ToString('x2') })
    $sha.Dispose()
    if ($actual -ne $DsvmSessionAgentSha256) {
        throw ('the instance''s userData (SHA-256 ' + $actual + ') is not the session agent this deployment shipped: nothing installed')
    }
    $zipped = New-Object IO.Compression.GZipStream((New-Object IO.MemoryStream(, [Convert]::FromBase64String($encoded))), [IO.Compression.CompressionMode]::Decompress)
    $reader = New-Object IO.StreamReader($zipped, [Text.Encoding]::UTF8)
    $files = ($reader.ReadToEnd() | ConvertFrom-Json).files
    $reader.Dispose()
    foreach ($name in @('session-agent.ps1', 'session-agent.json', 'install-session-agent.ps1')) {
        Set-Content -Path (Join-Path -Path $DsvmFolder -ChildPath $name) -Value $files.$name -Encoding UTF8
    }
    & powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File (Join-Path -Path $DsvmFolder -ChildPath 'install-session-agent.ps1')
    if ($LASTEXITCODE -ne 0) { throw ('install-session-agent.ps1 failed with exit code ' + $LASTEXITCODE) }
}

# Any process could ask IMDS for the pool identity's token (Learn "How to use managed identities on a VM"): with
# Key Vault it reads the storage key, and the session agent's role changes any instance. Only SYSTEM (the guest
# agent, the extensions, the mount task, the session agent), services and Administrators need IMDS here, so Windows
# Firewall blocks 169.254.169.254 for every other account (Learn "New-NetFirewallRule" -LocalUser; Windows Filtering
# Platform "Permitting and Blocking Applications and Users": a granting DACL makes the condition true, a denying one
# false). A rule Windows refuses, or one that blocks SYSTEM too, goes again with a warning event: the share and the
# agent matter more than the block.
function Block-ImdsForUsers {
    try {
        Get-NetFirewallRule -Name $ImdsRuleName -ErrorAction SilentlyContinue | Remove-NetFirewallRule
        New-NetFirewallRule -Name $ImdsRuleName -DisplayName 'dsvm-pool: IMDS only for SYSTEM, services and Administrators' -Direction Outbound -RemoteAddress '169.254.169.254' -Action Block -Profile Any -LocalUser $ImdsBlockedPrincipals | Out-Null
    } catch {
        Undo-ImdsBlock ('the rule ' + $ImdsRuleName + ' could not be made: ' + $_.Exception.Message)
        return
    }
    for ($try = 1; $try -le 3; $try++) {
        try {
            Invoke-RestMethod -Uri 'http://169.254.169.254/metadata/instance/compute/vmId?api-version=2021-01-01&format=text' -Headers @{ Metadata = 'true' } -UseBasicParsing -TimeoutSec 20 | Out-Null
            Write-Log 'IMDS blocked for ordinary users'
            return
        } catch {
            Start-Sleep -Seconds 10
        }
    }
    Undo-ImdsBlock ('SYSTEM could not reach IMDS with the rule ' + $ImdsRuleName + ' in place')
}

function Undo-ImdsBlock {
    param([string]$Reason)
    $text = $Reason + ': no rule, ordinary users can reach IMDS'
    try {
        Get-NetFirewallRule -Name $ImdsRuleName -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    } catch {
        $text = $Reason + '; removing the rule failed too: ' + $_.Exception.Message
    }
    Write-EventLog -LogName '@EVENT_LOG@' -Source '@EVENT_SOURCE@' -EventId ([int]'@IMDS_RULE_TAKEN_BACK_EVENT_ID@') -EntryType Warning -Message $text
    Write-Log $text
}

# Each VM's own RDP frontend port arrives on $DsvmRdpPerVmPort (Azure takes no second inbound rule on the RDP
# port): forward it to RDP with netsh interface portproxy, which the IP Helper service applies again at every start
# (Learn "Netsh interface portproxy commands"), and let it through Windows Firewall.
function Enable-PerVmRdpPort {
    $listen = @(('listenport=' + $DsvmRdpPerVmPort), 'listenaddress=0.0.0.0')
    & netsh.exe interface portproxy delete v4tov4 @listen | Out-Null
    & netsh.exe interface portproxy add v4tov4 @listen ('connectport=' + $DsvmRdpPort) 'connectaddress=127.0.0.1' | Out-Null
    if ($LASTEXITCODE -ne 0) {
        throw ('netsh interface portproxy add failed with exit code ' + $LASTEXITCODE)
    }
    Set-Service -Name 'iphlpsvc' -StartupType Automatic
    Start-Service -Name 'iphlpsvc'
    if ($null -eq (Get-NetFirewallRule -Name 'dsvm-pool-rdp-per-vm' -ErrorAction SilentlyContinue)) {
        New-NetFirewallRule -Name 'dsvm-pool-rdp-per-vm' -DisplayName 'dsvm-pool: Remote Desktop, per-VM port' -Direction Inbound -Protocol TCP -LocalPort $DsvmRdpPerVmPort -Action Allow | Out-Null
    }
}

Assert-Parameters
Block-ImdsForUsers
Enable-PerVmRdpPort
Write-Files
Register-MountTask
Install-SessionAgent
Write-Log ('task ' + $TaskName + ' registered; mapping ' + $DsvmDriveLetter + ': now')
# The first mapping runs here, so that a failure shows in the extension's status.
& powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $MountScriptPath
if ($LASTEXITCODE -ne 0) {
    throw ('mount-share.ps1 failed with exit code ' + $LASTEXITCODE)
}
Write-Log 'done'
