# dsvm-pool session agent for Windows (docs/sessions.md "On Windows"). Windows PowerShell 5.1, no modules.
# Run by the scheduled task dsvm-pool-session-agent as SYSTEM (registered by provision.ps1), one cycle a minute:
#   1. always: IMDS scheduled events (api-version 2020-07-01, as the Linux watcher); a Terminate or Preempt naming
#      this VM is announced once per event to every session (msg.exe) and in VM-SHUTTING-DOWN.txt on each profile's
#      Desktop; the notices go when the event goes. No acknowledgment (it would shorten the users' warning).
#   2. with sessionProtection: a Remote Desktop session (active or disconnected) with input within idleMinutes, or
#      whose processes used more than cpuSharePercent of one CPU since the last cycle, keeps protectFromScaleIn on
#      this instance, never from latestHour to resumeHour (local time in timeZone, a Windows ID) and at most
#      maxProtectedHours in one stretch, with warnings 30 and 10 minutes before and when protection ends.
# Settings: %ProgramData%\dsvm-pool\session-agent.json (nothing secret). State: session-agent-state.json beside it,
# so a restarted agent keeps its stretch and its warnings. Nothing here logs a token.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$DsvmFolder = Join-Path -Path $env:ProgramData -ChildPath 'dsvm-pool'
$StatePath = Join-Path -Path $DsvmFolder -ChildPath 'session-agent-state.json'
$LogPath = Join-Path -Path $DsvmFolder -ChildPath 'session-agent.log'
$Imds = 'http://169.254.169.254'
$NoticeName = 'VM-SHUTTING-DOWN.txt'

# A scheduled task's output goes nowhere: the log is a file, restarted when it passes 1 MB.
function Write-Log {
    param([string]$Message)
    try {
        if ((Test-Path -LiteralPath $LogPath) -and (Get-Item -LiteralPath $LogPath).Length -gt 1048576) {
            Move-Item -LiteralPath $LogPath -Destination ($LogPath + '.1') -Force
        }
        Add-Content -LiteralPath $LogPath -Value ((Get-Date).ToUniversalTime().ToString('s') + 'Z dsvm-session-agent: ' + $Message) -Encoding UTF8
    } catch {
        return # logging must never stop the loop
    }
}

# Last input per session: WTSQuerySessionInformation(WTSSessionInfo) fills WTSINFOW, whose LastInputTime is a
# FILETIME (Learn "WTSINFOW structure (wtsapi32.h)"); quser's text is localized, this is not.
Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
public static class DsvmWts {
    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    struct WTS_SESSION_INFO { public int SessionId; public IntPtr WinStationName; public int State; }
    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    struct WTSINFO {
        public int State; public int SessionId; public int IncomingBytes; public int OutgoingBytes;
        public int IncomingFrames; public int OutgoingFrames; public int IncomingCompressedBytes; public int OutgoingCompressedBytes;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 32)] public string WinStationName;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 17)] public string Domain;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 21)] public string UserName;
        public long ConnectTime; public long DisconnectTime; public long LastInputTime; public long LogonTime; public long CurrentTime;
    }
    [DllImport("wtsapi32.dll", SetLastError = true)]
    static extern bool WTSEnumerateSessionsW(IntPtr server, int reserved, int version, out IntPtr sessions, out int count);
    [DllImport("wtsapi32.dll", SetLastError = true)]
    static extern bool WTSQuerySessionInformationW(IntPtr server, int sessionId, int infoClass, out IntPtr buffer, out int bytes);
    [DllImport("wtsapi32.dll")]
    static extern void WTSFreeMemory(IntPtr memory);
    const int WTSSessionInfo = 24, WTSActive = 0, WTSDisconnected = 4;
    // One line per user session: "sessionId<TAB>user<TAB>seconds since last input<TAB>active|disconnected".
    public static List<string> Sessions() {
        var found = new List<string>();
        IntPtr list; int count;
        if (!WTSEnumerateSessionsW(IntPtr.Zero, 0, 1, out list, out count)) { return found; }
        try {
            int size = Marshal.SizeOf(typeof(WTS_SESSION_INFO));
            for (int i = 0; i < count; i++) {
                var session = (WTS_SESSION_INFO)Marshal.PtrToStructure(new IntPtr(list.ToInt64() + i * size), typeof(WTS_SESSION_INFO));
                if (session.SessionId == 0 || (session.State != WTSActive && session.State != WTSDisconnected)) { continue; }
                IntPtr buffer; int bytes;
                if (!WTSQuerySessionInformationW(IntPtr.Zero, session.SessionId, WTSSessionInfo, out buffer, out bytes)) { continue; }
                try {
                    var info = (WTSINFO)Marshal.PtrToStructure(buffer, typeof(WTSINFO));
                    if (String.IsNullOrEmpty(info.UserName)) { continue; }
                    // No input recorded yet (0): count from the latest connect or disconnect instead.
                    long last = info.LastInputTime > 0 ? info.LastInputTime : Math.Max(info.ConnectTime, info.DisconnectTime);
                    long idle = last > 0 ? Math.Max(0, (info.CurrentTime - last) / 10000000) : long.MaxValue / 2;
                    found.Add(session.SessionId + "\t" + info.UserName + "\t" + idle + "\t" +
                        (session.State == WTSActive ? "active" : "disconnected"));
                } finally { WTSFreeMemory(buffer); }
            }
        } finally { WTSFreeMemory(list); }
        return found;
    }
}
'@

# One HTTP call without a proxy (IMDS must not go through one: Learn "Azure Instance Metadata Service", Proxies).
# Returns status (0 = no answer), body and Retry-After seconds.
function Invoke-Http {
    param([string]$Method, [string]$Uri, [hashtable]$Headers, [string]$Body, [int]$TimeoutSeconds = 30)
    $request = [System.Net.HttpWebRequest]::Create($Uri)
    $request.Method = $Method
    $request.Proxy = $null
    $request.Timeout = $TimeoutSeconds * 1000
    foreach ($name in $Headers.Keys) { $request.Headers[$name] = $Headers[$name] }
    try {
        if ($Body) {
            $request.ContentType = 'application/json'
            $bytes = [System.Text.Encoding]::UTF8.GetBytes($Body)
            $stream = $request.GetRequestStream()
            $stream.Write($bytes, 0, $bytes.Length)
            $stream.Close()
        }
        $response = $request.GetResponse()
    } catch {
        # PowerShell wraps the WebException of a method call; an HTTP error carries its response, a timeout none.
        $failure = $_.Exception
        while ($null -ne $failure -and -not ($failure -is [System.Net.WebException])) { $failure = $failure.InnerException }
        if ($null -eq $failure -or $null -eq $failure.Response) { return @{ Status = 0; Body = ''; RetryAfter = 0 } }
        $response = $failure.Response
    }
    $reader = New-Object -TypeName System.IO.StreamReader -ArgumentList $response.GetResponseStream()
    $text = $reader.ReadToEnd()
    $reader.Dispose()
    $retry = 0
    [void][int]::TryParse([string]$response.Headers['Retry-After'], [ref]$retry)
    $status = [int]$response.StatusCode
    $response.Close()
    return @{ Status = $status; Body = $text; RetryAfter = $retry }
}

function Get-Imds {
    param([string]$Path)
    $answer = Invoke-Http -Method 'GET' -Uri ($Imds + $Path) -Headers @{ Metadata = 'true' } -TimeoutSeconds 120
    if ($answer.Status -ne 200) { throw ('IMDS ' + $Path.Split('?')[0] + ' answered ' + $answer.Status) }
    return $answer.Body
}

# To every session (msg.exe *) or to one session id, shown for /TIME seconds, and to the log.
# msg.exe fails when no one is connected; in Windows PowerShell 5.1 its stderr would stop the script under 'Stop'.
function Send-Notice {
    param([string]$Text, [string]$To = '*')
    Write-Log ('notice to ' + $To + ': ' + $Text)
    $ErrorActionPreference = 'Continue'
    & msg.exe $To '/TIME:600' $Text 2>&1 | Out-Null
}

function Get-ProfileDesktops {
    $skip = @('Public', 'Default', 'Default User', 'All Users')
    Get-ChildItem -LiteralPath (Join-Path -Path $env:SystemDrive -ChildPath 'Users') -Directory |
        Where-Object { $skip -notcontains $_.Name } |
        ForEach-Object { Join-Path -Path $_.FullName -ChildPath 'Desktop' } |
        Where-Object { Test-Path -LiteralPath $_ }
}

# Scheduled events: Terminate (scale-in, with the scale set's terminate notification) or Preempt (Spot) naming
# this VM (Learn "Azure Metadata Service: Scheduled Events for Windows VMs"; NotBefore empty once started).
function Watch-ScheduledEvents {
    param($State, [string]$VmName)
    $document = (Get-Imds -Path '/metadata/scheduledevents?api-version=2020-07-01') | ConvertFrom-Json
    $mine = @($document.Events | Where-Object {
            ($_.EventType -eq 'Terminate' -or $_.EventType -eq 'Preempt') -and (@($_.Resources) -contains $VmName) })
    foreach ($scheduled in $mine) {
        if (@($State.warnedEvents) -contains $scheduled.EventId) { continue }
        $minutes = 0
        if ($scheduled.NotBefore) {
            $minutes = [Math]::Max(0, [int][Math]::Ceiling(([DateTime]::Parse($scheduled.NotBefore).ToUniversalTime() - [DateTime]::UtcNow).TotalMinutes))
        }
        $text = 'dsvm-pool: Azure will remove this VM (' + $VmName + ', ' + $scheduled.EventType + ') in about ' + $minutes +
            ' minute(s). Everything not on the share (drive ' + $Settings.driveLetter + ':) will be lost: save your work there now.'
        Send-Notice -Text $text
        foreach ($desktop in Get-ProfileDesktops) {
            Set-Content -LiteralPath (Join-Path -Path $desktop -ChildPath $NoticeName) -Value $text -Encoding UTF8
        }
        $State.warnedEvents = @($State.warnedEvents) + $scheduled.EventId
        $State.lastNotice = $text
        # Only a session with someone at it has seen the msg; a disconnected one is told when it is active again.
        $State.noticedSessions = @([DsvmWts]::Sessions() | Where-Object { $_.Split("`t")[3] -eq 'active' } |
            ForEach-Object { $_.Split("`t")[0] })
    }
    if ($mine.Count -gt 0 -and $State.lastNotice) {
        # Whoever logs on or reconnects after the warning is told too, once per session, and finds the notice on
        # the Desktop.
        foreach ($line in [DsvmWts]::Sessions()) {
            $id = $line.Split("`t")[0]
            if ($line.Split("`t")[3] -ne 'active' -or @($State.noticedSessions) -contains $id) { continue }
            $State.noticedSessions = @($State.noticedSessions) + $id
            Send-Notice -Text $State.lastNotice -To $id
        }
        foreach ($desktop in Get-ProfileDesktops) {
            $notice = Join-Path -Path $desktop -ChildPath $NoticeName
            if (-not (Test-Path -LiteralPath $notice)) { Set-Content -LiteralPath $notice -Value $State.lastNotice -Encoding UTF8 }
        }
    }
    if ($mine.Count -eq 0 -and @($State.warnedEvents).Count -gt 0) {
        # Cancelled (the VM is still here): take the notices back.
        foreach ($desktop in Get-ProfileDesktops) {
            Remove-Item -LiteralPath (Join-Path -Path $desktop -ChildPath $NoticeName) -Force -ErrorAction SilentlyContinue
        }
        $State.warnedEvents = @()
        $State.noticedSessions = @()
        $State.lastNotice = $null
        Write-Log 'scheduled event gone: notices removed'
    }
}

# Seconds of CPU per process, keyed by process id and start time (a reused id is another process).
function Get-CpuSample {
    $sample = @{}
    foreach ($process in Get-Process) {
        if ($process.SessionId -eq 0) { continue }
        try {
            $key = [string]$process.Id + '@' + $process.StartTime.ToFileTimeUtc()
            $sample[$key] = @($process.SessionId, $process.TotalProcessorTime.TotalSeconds)
        } catch {
            continue # protected processes refuse their times
        }
    }
    return $sample
}

# Whether any user session counts as in use now (input within idleMinutes, or CPU above the share).
function Test-InUse {
    param($Previous, $Current, [double]$Elapsed)
    $sessions = [DsvmWts]::Sessions()
    $ids = @{}
    foreach ($line in $sessions) {
        $fields = $line.Split("`t")
        $ids[[int]$fields[0]] = $true
        if ([long]$fields[2] -lt $Settings.idleMinutes * 60) { return $true }
    }
    if ($null -eq $Previous -or $Elapsed -le 0) { return $false }
    $used = @{}
    foreach ($key in $Current.Keys) {
        $session = [int]$Current[$key][0]
        if (-not $ids.ContainsKey($session)) { continue }
        $before = 0.0
        if ($Previous.ContainsKey($key)) { $before = [double]$Previous[$key][1] }
        $used[$session] = [double]$used[$session] + [double]$Current[$key][1] - $before
    }
    foreach ($seconds in $used.Values) {
        if ($seconds / $Elapsed * 100 -gt $Settings.cpuSharePercent) { return $true }
    }
    return $false
}

# The bound (as the Linux agent's evening_bound.py): no protection from latestHour to resumeHour local time, at most
# maxProtectedHours from protectedSince. Returns @(end as UTC DateTime, 'evening' | 'maximum').
function Get-Bound {
    param([DateTime]$NowUtc, $ProtectedSince)
    $zone = [TimeZoneInfo]::FindSystemTimeZoneById($Settings.timeZone)
    $local = [TimeZoneInfo]::ConvertTimeFromUtc($NowUtc, $zone)
    $latest = [int]$Settings.latestHour
    $resume = [int]$Settings.resumeHour
    $hour = $local.Hour
    $evening = ($latest -ne $resume) -and ((($latest -gt $resume) -and ($hour -ge $latest -or $hour -lt $resume)) -or
        (($latest -lt $resume) -and ($hour -ge $latest -and $hour -lt $resume)))
    if ($evening) { return @($NowUtc, 'evening') }
    $start = $local.Date.AddHours($latest)
    if ($start -le $local) { $start = $start.AddDays(1) }
    $eveningUtc = [TimeZoneInfo]::ConvertTimeToUtc([DateTime]::SpecifyKind($start, 'Unspecified'), $zone)
    if ($null -ne $ProtectedSince) {
        $maximum = ([DateTime]$ProtectedSince).ToUniversalTime().AddHours([int]$Settings.maxProtectedHours)
        if ($maximum -le $eveningUtc) { return @($maximum, 'maximum') }
    }
    return @($eveningUtc, 'evening')
}

# Resource Manager as the Linux agent (docs/sessions.md "Calls to Azure"): a token from IMDS (client_id with a
# user-assigned identity), GET/PUT the instance with api-version 2025-04-01; 403 backs off 5 s doubling to 30 s
# (a new role assignment propagates), 429 waits Retry-After, 5xx and no answer back off; 45 s per cycle at most.
function Invoke-Arm {
    param([string]$Method, [string]$Body)
    $tokenPath = '/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/'
    if ($Settings.identityClientId) { $tokenPath += '&client_id=' + $Settings.identityClientId }
    $token = ((Get-Imds -Path $tokenPath) | ConvertFrom-Json).access_token
    $uri = 'https://management.azure.com' + $script:Instance.resourceId + '?api-version=2025-04-01'
    $deadline = [DateTime]::UtcNow.AddSeconds(45)
    $wait = 5
    while ($true) {
        $answer = Invoke-Http -Method $Method -Uri $uri -Headers @{ Authorization = ('Bearer ' + $token) } -Body $Body
        if ($answer.Status -ge 200 -and $answer.Status -lt 300) { return $answer.Body }
        if ($answer.Status -eq 429 -and $answer.RetryAfter -gt 0) { $pause = $answer.RetryAfter }
        elseif ($answer.Status -eq 403 -or $answer.Status -eq 429 -or $answer.Status -eq 0 -or $answer.Status -ge 500) { $pause = $wait; $wait = [Math]::Min(30, $wait * 2) }
        else { throw ('Resource Manager ' + $Method + ' answered ' + $answer.Status) }
        if ([DateTime]::UtcNow.AddSeconds($pause) -gt $deadline) { throw ('Resource Manager ' + $Method + ' answered ' + $answer.Status + '; next cycle tries again') }
        Start-Sleep -Seconds $pause
    }
}

function Set-Protection {
    param([bool]$Wanted)
    if ($null -eq $script:Protected) {
        $vm = (Invoke-Arm -Method 'GET') | ConvertFrom-Json
        $script:Protected = $false
        $policy = $vm.properties.PSObject.Properties['protectionPolicy']
        if ($null -ne $policy -and $policy.Value.protectFromScaleIn) { $script:Protected = $true }
        Write-Log ('protectFromScaleIn is ' + $script:Protected + ' on this instance')
    }
    if ($script:Protected -ne $Wanted) {
        $body = ConvertTo-Json -Depth 4 -InputObject @{ location = $script:Instance.location;
            properties = @{ protectionPolicy = @{ protectFromScaleIn = $Wanted } } }
        Invoke-Arm -Method 'PUT' -Body $body | Out-Null
        $script:Protected = $Wanted
        Write-Log ('protectFromScaleIn set to ' + $Wanted)
    }
}

function Update-Protection {
    param($State, [DateTime]$NowUtc, [bool]$Used)
    if ($Used) { $State.lastUsed = $NowUtc.ToString('o') }
    $busy = $State.lastUsed -and (($NowUtc - [DateTime]::Parse($State.lastUsed).ToUniversalTime()).TotalMinutes -lt $Settings.idleMinutes)
    if (-not $busy) { $State.protectedSince = $null; $State.exhausted = $false; $State.warned = @() }
    $bound = Get-Bound -NowUtc $NowUtc -ProtectedSince $State.protectedSince
    if ($busy -and $null -eq $State.protectedSince -and -not $State.exhausted -and $bound[0] -gt $NowUtc) {
        $State.protectedSince = $NowUtc.ToString('o')
        $bound = Get-Bound -NowUtc $NowUtc -ProtectedSince $State.protectedSince
    }
    if ($busy -and $bound[1] -eq 'maximum' -and $bound[0] -le $NowUtc) { $State.exhausted = $true }
    $wanted = $busy -and -not $State.exhausted -and $bound[0] -gt $NowUtc
    $why = 'the pool''s latest hour for protected VMs'
    if ($bound[1] -eq 'maximum') { $why = 'the longest protection of one VM (' + $Settings.maxProtectedHours + ' h)' }
    if ($wanted) {
        $left = [int][Math]::Ceiling(($bound[0] - $NowUtc).TotalMinutes)
        foreach ($minutes in @(30, 10)) {
            $key = $bound[0].ToString('o') + ':' + $minutes
            if ($left -le $minutes -and @($State.warned) -notcontains $key) {
                $State.warned = @($State.warned) + $key
                if ($left -le 10 -and $minutes -eq 30) { continue } # one notice when both thresholds are reached
                Send-Notice -Text ('dsvm-pool: this VM is kept for your running work for ' + $left + ' more minute(s): ' +
                    $why + '. After that the pool may remove it when it scales in. Save your work to drive ' + $Settings.driveLetter + ':.')
            }
        }
    } elseif ($busy -and $null -ne $State.protectedSince) {
        Send-Notice -Text ('dsvm-pool: this VM is no longer kept for running work (' + $why + '): the pool may remove it when it scales in. Save your work to drive ' + $Settings.driveLetter + ':.')
        $State.protectedSince = $null
    }
    if ($null -ne $script:Instance.resourceId) { Set-Protection -Wanted $wanted }
}

$Settings = Get-Content -LiteralPath (Join-Path -Path $DsvmFolder -ChildPath 'session-agent.json') -Raw | ConvertFrom-Json
$Fresh = [ordered]@{ lastUsed = $null; protectedSince = $null; exhausted = $false; warned = @(); warnedEvents = @();
    noticedSessions = @(); lastNotice = $null }
$State = [pscustomobject]$Fresh
if (Test-Path -LiteralPath $StatePath) {
    try { $State = Get-Content -LiteralPath $StatePath -Raw | ConvertFrom-Json } catch { Write-Log 'state unreadable: starting afresh' }
}
# A state file of an older agent lacks newer fields, which strict mode would refuse to read.
foreach ($name in $Fresh.Keys) {
    if ($null -eq $State.PSObject.Properties[$name]) { $State | Add-Member -NotePropertyName $name -NotePropertyValue $Fresh[$name] }
}
# No stop hook is reliable for a scheduled task, so nothing is cleared at stop. Instead Azure's protection is read
# again at every start (someone may have changed it) and set to what this start wants: after a reboot with nobody
# connected it is cleared once idleMinutes have passed since the last use (kept in the state file, as is the
# stretch, so the maximum holds across restarts).
$script:Protected = $null
$script:Instance = $null
$vmName = $null
$previousCpu = $null
$previousAt = $null
Write-Log ('started; sessionProtection ' + $Settings.sessionProtection)
while ($true) {
    $cycleStart = [DateTime]::UtcNow
    try {
        if ($null -eq $vmName) { $vmName = Get-Imds -Path '/metadata/instance/compute/name?api-version=2021-02-01&format=text' }
        Watch-ScheduledEvents -State $State -VmName $vmName
    } catch {
        Write-Log ('scheduled events: ' + $_.Exception.Message)
    }
    if ($Settings.sessionProtection) {
        try {
            if ($null -eq $script:Instance) {
                $script:Instance = ((Get-Imds -Path '/metadata/instance?api-version=2021-02-01') | ConvertFrom-Json).compute
            }
            $cpu = Get-CpuSample
            $elapsed = 0.0
            if ($null -ne $previousAt) { $elapsed = ($cycleStart - $previousAt).TotalSeconds }
            $used = Test-InUse -Previous $previousCpu -Current $cpu -Elapsed $elapsed
            $previousCpu = $cpu
            $previousAt = $cycleStart
            Update-Protection -State $State -NowUtc $cycleStart -Used $used
        } catch {
            Write-Log ('protection: ' + $_.Exception.Message)
        }
    }
    try { Set-Content -LiteralPath $StatePath -Value (ConvertTo-Json -InputObject $State -Depth 4) -Encoding UTF8 } catch { Write-Log 'state not saved' }
    $pause = 60 - ([DateTime]::UtcNow - $cycleStart).TotalSeconds
    if ($pause -gt 1) { Start-Sleep -Seconds ([int]$pause) }
}
