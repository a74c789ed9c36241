using System.Text;

namespace ServiceDesk.Core.Tickets.Lifecycle;

/// <summary>Renders the transition table as a Mermaid state diagram (the README's copy is checked against this by a test).</summary>
public static class LifecycleDiagram
{
    public static string ToMermaid()
    {
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        sb.Append("    [*] --> New : create\n");
        var edges = TicketLifecycle.Rules
            .Where(r => r.To is not null)
            .SelectMany(r => r.From.Select(from => (From: from, To: r.To!.Value, r.Trigger, r.GuardLabel)))
            .GroupBy(e => (e.From, e.To))
            .OrderBy(g => g.Key.From).ThenBy(g => g.Key.To);
        foreach (var edge in edges)
        {
            var labels = edge.Select(e => Name(e.Trigger) + (e.GuardLabel is { } g ? $" [{g}]" : "")).Distinct();
            sb.Append($"    {edge.Key.From} --> {edge.Key.To} : {string.Join(" / ", labels)}\n");
        }
        sb.Append("    Closed --> [*]\n");
        sb.Append("    Cancelled --> [*]\n");
        return sb.ToString();
    }

    /// <summary>The command word for a trigger, as users type it.</summary>
    public static string Name(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.AskUser => "ask",
        TicketTrigger.UserReplied => "user replies",
        TicketTrigger.AutoClose => "auto-close",
        TicketTrigger.ChangePriority => "priority",
        _ => trigger.ToString().ToLowerInvariant(),
    };
}
