# dsvm-pool: maps the pool's Azure Files share at one drive letter for every user of this VM. provision.ps1 writes
# this file and mount-share.json next to it (%ProgramData%\dsvm-pool) and registers the scheduled task that runs it
# as SYSTEM at startup and at every logon. It makes an SMB global mapping ("Global mappings allow all users to use
# the same mapping", Learn New-SmbGlobalMapping) with the storage key, which it reads from Key Vault with the VM's
# user-assigned identity (IMDS token, api-version 2018-02-01; Key Vault Get Secret, api-version 7.4) or, without
# a Key Vault, from storage-key.dpapi (DPAPI for SYSTEM). The key lives only in this process and in the SMB
# client's mapping; it is never printed, written to a file or passed on a command line.
# Exit codes: 0 mapped (or already), 1 failed (the reason on the output, never the key). A new mapping and a failure
# are also Application log events (WindowsEventLog) for the monitoring.
param(
    [string]$SettingsPath = (Join-Path -Path $env:ProgramData -ChildPath 'dsvm-pool\mount-share.json'),
    # A new identity's role assignment can take up to 10 minutes to reach Key Vault: 40 tries 15 s apart.
    [int]$KeyVaultTries = 40,
    [int]$RetryDelaySeconds = 15
)
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Write-Log {
    param([string]$Message)
    Write-Output ('dsvm-pool mount-share: ' + $Message)
}

# Never fails the script: without the source (provision.ps1) only the event is lost.
function Write-PoolEvent {
    param([string]$Type, [string]$Id, [string]$Message)
    try {
        Write-EventLog -LogName '@EVENT_LOG@' -Source '@EVENT_SOURCE@' -EventId ([int]$Id) -EntryType $Type -Message $Message
    } catch {
        Write-Log ('could not write event ' + $Id)
    }
}

function Get-KeyFromVault {
    param($Settings)
    $resource = [System.Uri]::EscapeDataString($Settings.keyVaultResource)
    $clientId = [System.Uri]::EscapeDataString($Settings.identityClientId)
    $tokenUri = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=' + $resource + '&client_id=' + $clientId
    $secretUri = $Settings.keyVaultUrl.TrimEnd('/') + '/secrets/' + $Settings.keyVaultSecret + '?api-version=7.4'
    for ($attempt = 1; $attempt -le $KeyVaultTries; $attempt++) {
        try {
            $token = Invoke-RestMethod -Uri $tokenUri -Headers @{ Metadata = 'true' } -UseBasicParsing -TimeoutSec 30
            $secret = Invoke-RestMethod -Uri $secretUri -Headers @{ Authorization = ('Bearer ' + $token.access_token) } -UseBasicParsing -TimeoutSec 30
            return (ConvertTo-SecureString -String $secret.value -AsPlainText -Force)
        } catch {
            # Only the status: a response body is never echoed.
            $status = 'no answer'
            if ($null -ne $_.Exception.PSObject.Properties['Response'] -and $null -ne $_.Exception.Response) {
                $status = 'HTTP ' + [int]$_.Exception.Response.StatusCode
            }
            Write-Log ('Key Vault try ' + $attempt + ' of ' + $KeyVaultTries + ' failed: ' + $status)
            Start-Sleep -Seconds $RetryDelaySeconds
        }
    }
    throw 'could not read the storage key from Key Vault'
}

function Get-KeyFromFile {
    param($Settings)
    $protected = (Get-Content -LiteralPath $Settings.keyFile -Raw).Trim()
    return (ConvertTo-SecureString -String $protected)
}

try {
    $settings = Get-Content -LiteralPath $SettingsPath -Raw | ConvertFrom-Json
    $remotePath = '\\' + $settings.storageAccount + '.file.' + $settings.endpointSuffix + '\' + $settings.shareName
    $localPath = $settings.driveLetter + ':'
    $existing = Get-SmbGlobalMapping -LocalPath $localPath -ErrorAction SilentlyContinue
    if ($null -ne $existing -and $existing.RemotePath -eq $remotePath -and $existing.Status -eq 'OK') {
        Write-Log ($localPath + ' already maps ' + $remotePath)
        exit 0
    }
    if ($null -ne $existing) {
        Remove-SmbGlobalMapping -LocalPath $localPath -Force
    }
    $fileEndpoint = $settings.storageAccount + '.file.' + $settings.endpointSuffix
    if (-not (Test-NetConnection -ComputerName $fileEndpoint -Port 445 -InformationLevel Quiet)) {
        throw ('port 445 of ' + $fileEndpoint + ' cannot be reached')
    }
    if ($settings.keyVaultUrl -ne '') {
        $key = Get-KeyFromVault -Settings $settings
    } else {
        $key = Get-KeyFromFile -Settings $settings
    }
    # Azure Files takes the account name as user name (Learn "Mount SMB Azure file share on Windows").
    $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList ('AZURE\' + $settings.storageAccount), $key
    New-SmbGlobalMapping -LocalPath $localPath -RemotePath $remotePath -Credential $credential -Persistent $true -RequirePrivacy $true | Out-Null
    Write-Log ($localPath + ' maps ' + $remotePath)
    Write-PoolEvent -Type 'Information' -Id '@MOUNTED_EVENT_ID@' -Message ($localPath + ' maps ' + $remotePath)
    exit 0
} catch {
    $reason = 'failed: ' + $_.Exception.Message
    Write-Log $reason
    Write-PoolEvent -Type 'Error' -Id '@MOUNT_FAILED_EVENT_ID@' -Message $reason
    exit 1
}
