# dsvm-pool: registers the session agent's scheduled task (docs/sessions.md "On Windows"). provision.ps1 writes this
# file, session-agent.ps1 and session-agent.json from the scale set's userData into %ProgramData%\dsvm-pool (writable
# by SYSTEM and Administrators only) and runs it as LocalSystem. Idempotent: a new agent replaces the running one.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$TaskName = 'dsvm-pool-session-agent'
$AgentPath = Join-Path -Path (Join-Path -Path $env:ProgramData -ChildPath 'dsvm-pool') -ChildPath 'session-agent.ps1'

$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument ('-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "' + $AgentPath + '"')
# At startup, and every 5 minutes, which starts it only when it is not running (IgnoreNew): an agent that died comes
# back within minutes even if the task's own restarts are used up.
$triggers = @((New-ScheduledTaskTrigger -AtStartup), (New-ScheduledTaskTrigger -Once -At (Get-Date) -RepetitionInterval (New-TimeSpan -Minutes 5)))
$principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
# ExecutionTimeLimit zero (PT0S) "will enable the task to run indefinitely" (Learn "ITaskSettings::
# get_ExecutionTimeLimit"); restarts a minute apart, 255 at most (Task Scheduler schema restartType: Count is an
# unsignedByte, Interval at least PT1M).
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -MultipleInstances IgnoreNew -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 255 -RestartInterval (New-TimeSpan -Minutes 1)
Stop-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue
Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $triggers -Principal $principal -Settings $settings -Force | Out-Null
Start-ScheduledTask -TaskName $TaskName
Write-Output ('dsvm-pool provision: task ' + $TaskName + ' registered and started')
