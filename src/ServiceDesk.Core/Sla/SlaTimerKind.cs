namespace ServiceDesk.Core.Sla;

/// <summary>What a timer is for: a warning or the breach of a target, or the L1 time box.</summary>
public enum SlaTimerKind
{
    ResponseWarning,
    ResponseBreach,
    ResolutionWarning,
    ResolutionBreach,
    L1TimeBox,
}
