namespace ServiceDesk.Core.Sla;

/// <summary>
/// The clock of one target (first response or resolution). <see cref="Consumed"/> is the business time counted
/// up to <see cref="RunningSince"/> (while running) or up to when it stopped (paused or met).
/// </summary>
public sealed record SlaTrack(
    SlaTargetKind Kind,
    TimeSpan Target,
    string Calendar,
    TimeSpan Consumed,
    DateTimeOffset? RunningSince,
    DateTimeOffset? DueAt,
    DateTimeOffset? MetAt)
{
    public bool IsRunning => RunningSince is not null;

    public bool IsMet => MetAt is not null;

    /// <summary>True when the target was missed: met late, or (while running) past due at <paramref name="now"/>, or paused after using it up.</summary>
    public bool IsBreachedAt(DateTimeOffset now) =>
        Consumed > Target || (IsRunning && DueAt is { } due && now >= due);
}
