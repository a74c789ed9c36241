namespace ServiceDesk.Core.Sla;

/// <summary>The SLA of one ticket: its priority's two target clocks, and whether they are paused (waiting for the user).</summary>
public sealed record SlaState(string Priority, SlaTrack FirstResponse, SlaTrack Resolution, bool Paused)
{
    public SlaTrack Track(SlaTargetKind kind) => kind == SlaTargetKind.FirstResponse ? FirstResponse : Resolution;

    public SlaState With(SlaTrack track) =>
        track.Kind == SlaTargetKind.FirstResponse ? this with { FirstResponse = track } : this with { Resolution = track };
}
