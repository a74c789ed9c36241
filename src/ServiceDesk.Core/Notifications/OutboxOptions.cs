namespace ServiceDesk.Core.Notifications;

/// <summary>Configuration section <c>Outbox</c>: how the dispatcher retries, backs off, leases and parks.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Delay after the first failure; doubles with each further one, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts a message is parked with its error for an administrator.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one dispatcher holds a message while sending it; another replica may take it after.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages taken per pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How many conversations a pass delivers to at once (each conversation still gets its messages in order).</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How often an idle dispatcher looks for new messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The delay before attempt <paramref name="failures"/> + 1, honouring a channel's retry-after.</summary>
    public TimeSpan DelayAfter(int failures, TimeSpan? retryAfter)
    {
        if (retryAfter is { } r && r > TimeSpan.Zero)
            return r;
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(BaseDelay.Ticks * Math.Pow(2, exponent), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
