package io.github.dsvmpool.config;

import io.github.dsvmpool.vm.SessionAgent;
import java.util.Optional;

/**
 * The session agent's knobs (the {@code sessions} setting; docs/sessions.md): the defaults are the agent's own
 * ({@link SessionAgent}). Whether the agent runs at all is {@code sessionProtection}, a separate key.
 *
 * @param idleMinutes       minutes without use before protection is cleared; default 30
 * @param cpuSharePercent   a user's processes above this share of one CPU mean "in use"; default 20
 * @param latestHour        local hour from which no VM is protected; default 20
 * @param resumeHour        local hour from which protection may start again; default 6
 * @param timeZone          IANA name or Windows ID of both hours; default the autoscale schedule's time zone
 * @param maxProtectedHours longest protection of one VM in one stretch; default 10
 */
public record SessionSettings(int idleMinutes, int cpuSharePercent, int latestHour, int resumeHour,
                              Optional<String> timeZone, int maxProtectedHours) {

    /** The key of the object setting; problems are named {@code sessions.<knob>}. */
    public static final String KEY = "sessions";

    /**
     * The agent's defaults.
     *
     * @return every knob at its default, the time zone following the schedule
     */
    public static SessionSettings defaults() {
        return new SessionSettings(SessionAgent.DEFAULT_IDLE_MINUTES, SessionAgent.DEFAULT_CPU_SHARE_PERCENT,
                SessionAgent.DEFAULT_LATEST_HOUR, SessionAgent.DEFAULT_RESUME_HOUR, Optional.empty(),
                SessionAgent.DEFAULT_MAX_PROTECTED_HOURS);
    }

    /**
     * @param value minutes ({@value SessionAgent#MIN_IDLE_MINUTES}-1440)
     * @return a copy with it
     */
    public SessionSettings withIdleMinutes(int value) {
        return new SessionSettings(value, cpuSharePercent, latestHour, resumeHour, timeZone, maxProtectedHours);
    }

    /**
     * @param value percent of one CPU (1-100)
     * @return a copy with it
     */
    public SessionSettings withCpuSharePercent(int value) {
        return new SessionSettings(idleMinutes, value, latestHour, resumeHour, timeZone, maxProtectedHours);
    }

    /**
     * @param latest local hour from which nothing is protected (0-23)
     * @param resume local hour from which protection may start again (0-23)
     * @return a copy with them
     */
    public SessionSettings withHours(int latest, int resume) {
        return new SessionSettings(idleMinutes, cpuSharePercent, latest, resume, timeZone, maxProtectedHours);
    }

    /**
     * @param value an IANA name or a Windows ID, or {@code null} for the schedule's
     * @return a copy with it
     */
    public SessionSettings withTimeZone(String value) {
        return new SessionSettings(idleMinutes, cpuSharePercent, latestHour, resumeHour, Optional.ofNullable(value),
                maxProtectedHours);
    }

    /**
     * @param value hours (1-24)
     * @return a copy with it
     */
    public SessionSettings withMaxProtectedHours(int value) {
        return new SessionSettings(idleMinutes, cpuSharePercent, latestHour, resumeHour, timeZone, value);
    }
}
