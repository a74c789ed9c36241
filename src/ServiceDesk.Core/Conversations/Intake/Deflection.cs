namespace ServiceDesk.Core.Conversations.Intake;

/// <summary>A problem solved by a knowledge-base article without a ticket: the deflection the reports count.</summary>
public sealed class Deflection
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string PersonId { get; set; }

    public required string Channel { get; set; }

    public required string ArticleId { get; set; }

    public required string Query { get; set; }

    public required string Language { get; set; }
}
