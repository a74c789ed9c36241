namespace ServiceDesk.Core.Tickets;

/// <summary>The ITIL impact × urgency matrix.</summary>
public static class PriorityMatrix
{
    public static Priority For(Level impact, Level urgency) => (impact, urgency) switch
    {
        (Level.High, Level.High) => Priority.P1,
        (Level.High, Level.Medium) or (Level.Medium, Level.High) => Priority.P2,
        (Level.High, Level.Low) or (Level.Medium, Level.Medium) or (Level.Low, Level.High) => Priority.P3,
        _ => Priority.P4,
    };
}
