namespace ServiceDesk.Core.Sla;

/// <summary>A moment the monitor acts on: a warning at <see cref="Fraction"/> of a target, or its breach (fraction 1).</summary>
public sealed record SlaMilestone(SlaTargetKind Target, double Fraction, DateTimeOffset DueAt)
{
    public bool IsBreach => Fraction >= 1;
}
