using System.Text.RegularExpressions;

namespace ServiceDesk.Bench.Intake;

/// <summary>
/// How a simulated employee goes through the intake, whatever the channel: "Not that" to a suggestion, then the
/// confirming button, else the first button that neither cancels nor says it is solved; done when a ticket key shows.
/// </summary>
public static partial class IntakeChoices
{
    /// <summary>The index of the button to press among <paramref name="labels"/>, or -1 when none fits.</summary>
    public static int Pick(IReadOnlyList<string> labels)
    {
        var list = labels.ToList();
        var pick = list.FindIndex(l => NotThat().IsMatch(l));
        if (pick < 0)
            pick = list.FindIndex(l => Confirm().IsMatch(l));
        if (pick < 0)
            pick = list.FindIndex(l => !Avoid().IsMatch(l));
        return pick;
    }

    [GeneratedRegex(@"\bSD-\d+\b")]
    public static partial Regex TicketKey();

    [GeneratedRegex("not that|не то|nie to", RegexOptions.IgnoreCase)]
    private static partial Regex NotThat();

    [GeneratedRegex("^(yes|confirm|create|submit|да|tak)", RegexOptions.IgnoreCase)]
    private static partial Regex Confirm();

    [GeneratedRegex("cancel|solved|отмен|anuluj|помогло|pomog", RegexOptions.IgnoreCase)]
    private static partial Regex Avoid();
}
