using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Tests.Tickets;

/// <summary>
/// Every (state, trigger, role) against an oracle written out by hand from product.md — not derived from the table.
/// </summary>
public sealed class TicketLifecycleTableTests
{
    // Who may fire what, in which states (N new, P in progress, W waiting for user, R resolved, C closed, X cancelled).
    // Roles: req = the requester, asg = the assignee (an L2 engineer), eng = another L2 engineer, low = an L1 engineer,
    // emp = another employee, mgr = a manager, sys = the system.
    private static readonly Dictionary<TicketTrigger, Dictionary<string, string>> Oracle = new()
    {
        [TicketTrigger.Claim] = new() { ["asg"] = "N", ["eng"] = "N", ["mgr"] = "N" },
        [TicketTrigger.Assign] = new() { ["mgr"] = "NPW" },
        [TicketTrigger.Escalate] = new() { ["asg"] = "NPW", ["eng"] = "NPW", ["mgr"] = "NPW" },
        [TicketTrigger.AskUser] = new() { ["asg"] = "P", ["mgr"] = "P" },
        [TicketTrigger.UserReplied] = new() { ["req"] = "W", ["sys"] = "W" },
        [TicketTrigger.Resolve] = new() { ["asg"] = "PW", ["mgr"] = "PW" },
        [TicketTrigger.Confirm] = new() { ["req"] = "R", ["mgr"] = "R" },
        [TicketTrigger.AutoClose] = new() { ["sys"] = "R" },
        [TicketTrigger.Reopen] = new() { ["req"] = "RC", ["asg"] = "RC", ["eng"] = "RC", ["mgr"] = "RC" },
        [TicketTrigger.Cancel] = new() { ["req"] = "NPW", ["mgr"] = "NPW" },
        [TicketTrigger.Reply] = new() { ["asg"] = "NPWR", ["eng"] = "NPWR", ["mgr"] = "NPWR" },
        [TicketTrigger.Note] = new() { ["asg"] = "NPWRCX", ["eng"] = "NPWRCX", ["mgr"] = "NPWRCX" },
        [TicketTrigger.Comment] = new() { ["req"] = "NPR" },
        [TicketTrigger.ChangePriority] = new() { ["asg"] = "NPW", ["eng"] = "NPW", ["mgr"] = "NPW" },
        [TicketTrigger.Rate] = new() { ["req"] = "RC" },
    };

    private static readonly Dictionary<char, TicketStatus> States = new()
    {
        ['N'] = TicketStatus.New, ['P'] = TicketStatus.InProgress, ['W'] = TicketStatus.WaitingForUser,
        ['R'] = TicketStatus.Resolved, ['C'] = TicketStatus.Closed, ['X'] = TicketStatus.Cancelled,
    };

    private static readonly Dictionary<string, Actor> Roles = new()
    {
        ["req"] = new("alice", "Alice", "test"),
        ["asg"] = new("oleg", "Oleg", "test", EngineerLine: SupportLine.L2),
        ["eng"] = new("olga", "Olga", "test", EngineerLine: SupportLine.L2),
        ["low"] = new("lena", "Lena", "test", EngineerLine: SupportLine.L1),
        ["emp"] = new("bob", "Bob", "test"),
        ["mgr"] = new("maria", "Maria", "test", IsManager: true, EngineerLine: SupportLine.L3),
        ["sys"] = Actor.System,
    };

    private static readonly Lazy<TextCatalog> Texts = new(() => TextCatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "dialogs")));

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly LifecycleContext Context = new(Now, TimeSpan.FromDays(14));

    public static TheoryData<TicketStatus, TicketTrigger, string> Combinations()
    {
        var data = new TheoryData<TicketStatus, TicketTrigger, string>();
        foreach (var s in States.Values)
            foreach (var t in Enum.GetValues<TicketTrigger>())
                foreach (var r in Roles.Keys)
                    data.Add(s, t, r);
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Decide_when_state_trigger_and_role_combine_allows_exactly_what_the_oracle_says(TicketStatus status, TicketTrigger trigger, string role)
    {
        var ticket = TicketIn(status);
        var expected = Oracle[trigger].TryGetValue(role, out var states) && states.Any(c => States[c] == status);

        var decision = TicketLifecycle.Decide(ticket, Roles[role], trigger, Context);

        Assert.Equal(expected, decision.Allowed);
        if (!expected)
        {
            Assert.NotNull(decision.Refusal);
            foreach (var lang in TextCatalog.SupportedLanguages)
                Assert.True(Texts.Value.Has(lang, decision.Refusal!.TextKey), $"refusal {decision.Refusal.TextKey} has no {lang} text");
        }
        else
        {
            var fired = Fire(ticket, Roles[role], trigger);
            Assert.True(fired.Allowed);
            Assert.Equal(decision.Rule!.Target(status), ticket.Status);
        }
    }

    [Fact]
    public void Reopen_when_closed_longer_than_the_window_is_refused_with_the_window_reason()
    {
        var ticket = TicketIn(TicketStatus.Closed);
        ticket.ClosedAt = Now - TimeSpan.FromDays(15);
        var decision = TicketLifecycle.Decide(ticket, Roles["req"], TicketTrigger.Reopen, Context);
        Assert.Equal("refused.reopen_window", decision.Refusal?.TextKey);
    }

    [Fact]
    public void Escalate_when_ticket_is_at_L3_is_refused_as_top_line()
    {
        var ticket = TicketIn(TicketStatus.InProgress);
        ticket.Line = SupportLine.L3;
        var decision = TicketLifecycle.Decide(ticket, Roles["mgr"], TicketTrigger.Escalate, Context);
        Assert.Equal("refused.top_line", decision.Refusal?.TextKey);
    }

    [Fact]
    public void Resolve_when_engineer_is_not_the_assignee_names_the_assignee()
    {
        var decision = TicketLifecycle.Decide(TicketIn(TicketStatus.InProgress), Roles["eng"], TicketTrigger.Resolve, Context);
        Assert.Equal("refused.not_assignee", decision.Refusal?.TextKey);
        Assert.Equal("Oleg", decision.Refusal!.Args["assignee"]);
    }

    [Fact]
    public void Claim_when_already_claimed_says_who_has_it()
    {
        var decision = TicketLifecycle.Decide(TicketIn(TicketStatus.InProgress), Roles["eng"], TicketTrigger.Claim, Context);
        Assert.Equal("refused.claimed", decision.Refusal?.TextKey);
    }

    [Fact]
    public void Priority_matrix_when_impact_and_urgency_combine_follows_ITIL()
    {
        Assert.Equal(Priority.P1, PriorityMatrix.For(Level.High, Level.High));
        Assert.Equal(Priority.P2, PriorityMatrix.For(Level.High, Level.Medium));
        Assert.Equal(Priority.P2, PriorityMatrix.For(Level.Medium, Level.High));
        Assert.Equal(Priority.P3, PriorityMatrix.For(Level.High, Level.Low));
        Assert.Equal(Priority.P3, PriorityMatrix.For(Level.Medium, Level.Medium));
        Assert.Equal(Priority.P3, PriorityMatrix.For(Level.Low, Level.High));
        Assert.Equal(Priority.P4, PriorityMatrix.For(Level.Medium, Level.Low));
        Assert.Equal(Priority.P4, PriorityMatrix.For(Level.Low, Level.Medium));
        Assert.Equal(Priority.P4, PriorityMatrix.For(Level.Low, Level.Low));
    }

    private static Ticket TicketIn(TicketStatus status)
    {
        var assigned = status != TicketStatus.New;
        return new Ticket
        {
            Key = "SD-7",
            Number = 7,
            Status = status,
            Line = SupportLine.L2,
            RequesterId = "alice",
            RequesterName = "Alice",
            AssigneeId = assigned ? "oleg" : null,
            AssigneeName = assigned ? "Oleg" : null,
            ClosedAt = status is TicketStatus.Closed or TicketStatus.Cancelled ? Now - TimeSpan.FromDays(1) : null,
            ResolvedAt = status is TicketStatus.Resolved or TicketStatus.Closed ? Now - TimeSpan.FromDays(1) : null,
        };
    }

    private static LifecycleDecision Fire(Ticket t, Actor a, TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.Claim => t.Claim(a, Context),
        TicketTrigger.Assign => t.Assign(a, Roles["eng"], Context),
        TicketTrigger.Escalate => t.Escalate(a, null, "reason", Context),
        TicketTrigger.AskUser => t.AskUser(a, "question", Context),
        TicketTrigger.UserReplied => t.Comment(a, "answer", Context),
        TicketTrigger.Resolve => t.Resolve(a, "solution", Context),
        TicketTrigger.Confirm => t.Confirm(a, Context),
        TicketTrigger.AutoClose => t.AutoClose(Context),
        TicketTrigger.Reopen => t.Reopen(a, "reason", Context),
        TicketTrigger.Cancel => t.Cancel(a, null, Context),
        TicketTrigger.Reply => t.Reply(a, "text", Context),
        TicketTrigger.Note => t.Note(a, "text", Context),
        TicketTrigger.Comment => t.Comment(a, "text", Context),
        TicketTrigger.ChangePriority => t.ChangePriority(a, Priority.P1, "reason", Context),
        TicketTrigger.Rate => t.Rate(a, 5, Context),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };
}
